<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClipActions</name>
    <message numerus="yes">
        <location filename="../ui/clip_actions.py"/>
        <source>Moved %n clip(s) to the trash (All clips → Trash to restore).</source>
        <translation>
            <numerusform>Moved %n clip to the trash (All clips → Trash to restore).</numerusform>
            <numerusform>Moved %n clips to the trash (All clips → Trash to restore).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/clip_actions.py"/>
        <source>Emptied the trash: %n file(s) deleted.</source>
        <translation>
            <numerusform>Emptied the trash: %n file deleted.</numerusform>
            <numerusform>Emptied the trash: %n files deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/clip_actions.py"/>
        <source>Delete the %n clip(s) in the trash from this computer for good?</source>
        <translation>
            <numerusform>Delete the %n clip in the trash from this computer for good?</numerusform>
            <numerusform>Delete the %n clips in the trash from this computer for good?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/clip_actions.py"/>
        <source>Copied %n file(s): paste into a file manager or a DAW.</source>
        <translation>
            <numerusform>Copied %n file: paste into a file manager or a DAW.</numerusform>
            <numerusform>Copied %n files: paste into a file manager or a DAW.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobService</name>
    <message numerus="yes">
        <location filename="../jobs/service.py"/>
        <source>%n job(s) submitted.</source>
        <translation>
            <numerusform>%n job submitted.</numerusform>
            <numerusform>%n jobs submitted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../jobs/service.py"/>
        <source>{submitted} of %n job(s) submitted.</source>
        <translation>
            <numerusform>{submitted} of %n job submitted.</numerusform>
            <numerusform>{submitted} of %n jobs submitted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../jobs/service.py"/>
        <source>Stopped: %n not sent.</source>
        <translation>
            <numerusform>Stopped: %n not sent.</numerusform>
            <numerusform>Stopped: %n not sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../jobs/service.py"/>
        <source>%n not tried.</source>
        <translation>
            <numerusform>%n not tried.</numerusform>
            <numerusform>%n not tried.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message numerus="yes">
        <location filename="../ui/jobs_model.py"/>
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n clip</numerusform>
            <numerusform>%n clips</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryBar</name>
    <message numerus="yes">
        <location filename="../ui/library_bar.py"/>
        <source>%n+ star(s)</source>
        <translation>
            <numerusform>%n+ star</numerusform>
            <numerusform>%n+ stars</numerusform>
        </translation>
    </message>
</context>
</TS>
