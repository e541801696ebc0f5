"""The till day on screen: the opening count, cash in/out, the X report and the Z closure."""
