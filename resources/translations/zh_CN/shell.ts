<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Language</name>
    <message>
        <location filename="../../../studio/app/i18n.py" line="+40"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
