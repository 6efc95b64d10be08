<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClipActions</name>
    <message numerus="yes">
        <location filename="../ui/clip_actions.py"/>
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n clip</numerusform>
            <numerusform>%n clips</numerusform>
        </translation>
    </message>
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
    <name>ClipsModel</name>
    <message numerus="yes">
        <location filename="../ui/clips_model.py"/>
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n star</numerusform>
            <numerusform>%n stars</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoverForm</name>
    <message numerus="yes">
        <location filename="../ui/form.py"/>
        <source>Submit %n job(s)  ·  free on the demo server</source>
        <translation>
            <numerusform>Submit %n job  ·  free on the demo server</numerusform>
            <numerusform>Submit %n jobs  ·  free on the demo server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/form.py"/>
        <source>Submit %n job(s)  ·  {credits}</source>
        <translation>
            <numerusform>Submit %n job  ·  {credits}</numerusform>
            <numerusform>Submit %n jobs  ·  {credits}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportReport</name>
    <message numerus="yes">
        <location filename="../ui/messages.py"/>
        <source>Saved {saved} of %n.</source>
        <translation>
            <numerusform>Saved {saved} of %n.</numerusform>
            <numerusform>Saved {saved} of %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/messages.py"/>
        <source>Saved %n clip(s) to {folder}.</source>
        <translation>
            <numerusform>Saved %n clip to {folder}.</numerusform>
            <numerusform>Saved %n clips to {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/messages.py"/>
        <source>%n already there.</source>
        <translation>
            <numerusform>%n already there.</numerusform>
            <numerusform>%n already there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/messages.py"/>
        <source>%n were already there.</source>
        <translation type="vanished">
            <numerusform>%n was already there.</numerusform>
            <numerusform>%n were already there.</numerusform>
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
    <message numerus="yes">
        <location filename="../ui/jobs_model.py"/>
        <source>%n credit(s)</source>
        <translation>
            <numerusform>%n credit</numerusform>
            <numerusform>%n credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/jobs_model.py"/>
        <source>up to %n credit(s) unconfirmed</source>
        <translation>
            <numerusform>up to %n credit unconfirmed</numerusform>
            <numerusform>up to %n credits unconfirmed</numerusform>
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
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/main_window.py"/>
        <source>Monthly budget: %n credit(s)</source>
        <translation>
            <numerusform>Monthly budget: %n credit</numerusform>
            <numerusform>Monthly budget: %n credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.py"/>
        <source>%n credit(s)</source>
        <translation type="vanished">
            <numerusform>%n credit</numerusform>
            <numerusform>%n credits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message numerus="yes">
        <location filename="../ui/menus.py"/>
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n star</numerusform>
            <numerusform>%n stars</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/menus.py"/>
        <source>%n star(s), then the next clip</source>
        <translation>
            <numerusform>%n star, then the next clip</numerusform>
            <numerusform>%n stars, then the next clip</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlaylistReport</name>
    <message numerus="yes">
        <location filename="../ui/messages.py"/>
        <source>Wrote {name} with %n clip(s).</source>
        <translation>
            <numerusform>Wrote {name} with %n clip.</numerusform>
            <numerusform>Wrote {name} with %n clips.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/messages.py"/>
        <source>%n not saved on this computer yet were left out.</source>
        <translation>
            <numerusform>%n not saved on this computer yet was left out.</numerusform>
            <numerusform>%n not saved on this computer yet were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubmitPane</name>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>%n credit(s)</source>
        <translation>
            <numerusform>%n credit</numerusform>
            <numerusform>%n credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>%n of these were sent exactly like this in the last ten minutes (the latest {ago} ago): they would be made and charged again.</source>
        <translation>
            <numerusform>%n of these was sent exactly like this in the last ten minutes (the latest {ago} ago): it would be made and charged again.</numerusform>
            <numerusform>%n of these were sent exactly like this in the last ten minutes (the latest {ago} ago): they would be made and charged again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>{shown} and %n more</source>
        <translation>
            <numerusform>{shown} and %n more</numerusform>
            <numerusform>{shown} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>%n line(s) not understood as an id, left out: {lines}.</source>
        <translation>
            <numerusform>%n line not understood as an id, left out: {lines}.</numerusform>
            <numerusform>%n lines not understood as an id, left out: {lines}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>Submit %n job(s), one per audio id, with the settings in the form?</source>
        <translation>
            <numerusform>Submit %n job, one per audio id, with the settings in the form?</numerusform>
            <numerusform>Submit %n jobs, one per audio id, with the settings in the form?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>Submit %n job(s)</source>
        <translation>
            <numerusform>Submit %n job</numerusform>
            <numerusform>Submit %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>Submit %n job(s): {label}?</source>
        <translation>
            <numerusform>Submit %n job: {label}?</numerusform>
            <numerusform>Submit %n jobs: {label}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>Submitting %n job(s)…</source>
        <translation>
            <numerusform>Submitting %n job…</numerusform>
            <numerusform>Submitting %n jobs…</numerusform>
        </translation>
    </message>
</context>
</TS>
