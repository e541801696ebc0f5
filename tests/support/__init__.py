"""Helpers shared by test suites: real servers in subprocesses, payload builders."""
