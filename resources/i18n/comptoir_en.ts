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
        <location filename="../../pos/ui/screens/start_screen.py" line="35"/>
        <source>Comptoir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="36"/>
        <source>Opening the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="44"/>
        <source>Terminal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="45"/>
        <source>Catalog: %1 products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="48"/>
        <source>Sales recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="51"/>
        <source>Data folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="57"/>
        <source>The store could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
