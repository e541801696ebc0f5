<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="13"/>
        <source>Comptoir — point of sale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="38"/>
        <source>Comptoir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="39"/>
        <source>Opening the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="47"/>
        <source>Terminal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="48"/>
        <source>Catalog: %1 products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="51"/>
        <source>Sales recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="54"/>
        <source>Data folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="60"/>
        <source>The store could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
