<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../ui/about.py"/>
        <source>Service: {url} (demo)</source>
        <translation>Service : {url} (démo)</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>Service: {url} (live)</source>
        <translation>Service : {url} (réel)</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>System: {os}</source>
        <translation>Système : {os}</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>Installed as: {kind}</source>
        <translation>Installé comme : {kind}</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>Licence: {licence}</source>
        <translation>Licence : {licence}</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>Job history: {path}</source>
        <translation>Historique des tâches : {path}</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>Clips kept in: {path}</source>
        <translation>Morceaux conservés dans : {path}</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>Settings: {path}</source>
        <translation>Réglages : {path}</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>Cache: {path}</source>
        <translation>Cache : {path}</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>Log: {path}</source>
        <translation>Journal : {path}</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>About {app}</source>
        <translation>À propos de {app}</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>Turn your uploaded audio into new covers, follow each job live, and keep the results.</source>
        <translation>Transformez vos audios envoyés en nouvelles reprises, suivez chaque tâche en direct et gardez les résultats.</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>Versions and folders</source>
        <translation>Versions et dossiers</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>Licences…</source>
        <translation>Licences…</translation>
    </message>
    <message>
        <location filename="../ui/about.py"/>
        <source>About Qt</source>
        <translation>À propos de Qt</translation>
    </message>
    <message>
        <location filename="../ui/licences.py"/>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../ui/messages.py"/>
        <source>{app} could not start: {reason}</source>
        <translation>{app} n’a pas pu démarrer : {reason}</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <location filename="../ui/appearance.py"/>
        <source>&amp;System</source>
        <translation>Sys&amp;tème</translation>
    </message>
    <message>
        <location filename="../ui/appearance.py"/>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <location filename="../ui/appearance.py"/>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <location filename="../ui/appearance.py"/>
        <source>The appearance could not be saved: {reason}</source>
        <translation>L’apparence n’a pas pu être enregistrée : {reason}</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../ui/banner.py"/>
        <source>Enter API key…</source>
        <translation>Saisir la clé d’API…</translation>
    </message>
    <message>
        <location filename="../ui/banner.py"/>
        <source>&lt;b&gt;Demo server&lt;/b&gt; — no API key is set. Everything works, with made-up music and no credits spent. Enter your API key to make real covers.</source>
        <translation>&lt;b&gt;Serveur de démonstration&lt;/b&gt; — aucune clé d’API n’est définie. Tout fonctionne, avec de la musique factice et sans dépenser de crédits. Saisissez votre clé d’API pour faire de vraies reprises.</translation>
    </message>
    <message>
        <location filename="../ui/banner.py"/>
        <source>&lt;b&gt;Demo server&lt;/b&gt; — demo mode is on. Everything works, with made-up music and no credits spent. Enter your API key to make real covers.</source>
        <translation>&lt;b&gt;Serveur de démonstration&lt;/b&gt; — le mode démo est activé. Tout fonctionne, avec de la musique factice et sans dépenser de crédits. Saisissez votre clé d’API pour faire de vraies reprises.</translation>
    </message>
    <message>
        <location filename="../ui/banner.py"/>
        <source>&lt;b&gt;The system keyring is locked.&lt;/b&gt; Your key could not be read, so jobs are not checked. Unlock the keyring and open Settings, or enter the key there.</source>
        <translation>&lt;b&gt;Le trousseau du système est verrouillé.&lt;/b&gt; Votre clé n’a pas pu être lue, les tâches ne sont donc pas suivies. Déverrouillez le trousseau et ouvrez les Réglages, ou saisissez-y la clé.</translation>
    </message>
    <message>
        <location filename="../ui/banner.py"/>
        <source>&lt;b&gt;No API key.&lt;/b&gt; Jobs will be refused until you enter your key.</source>
        <translation>&lt;b&gt;Aucune clé d’API.&lt;/b&gt; Les tâches seront refusées tant que vous n’aurez pas saisi votre clé.</translation>
    </message>
    <message>
        <location filename="../ui/banner.py"/>
        <source>&lt;b&gt;Key not accepted.&lt;/b&gt; {message}</source>
        <translation>&lt;b&gt;Clé refusée.&lt;/b&gt; {message}</translation>
    </message>
</context>
<context>
    <name>ClipActions</name>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Play</source>
        <translation>Lire</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Restore from the trash</source>
        <translation>Restaurer depuis la corbeille</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Rate</source>
        <translation>Noter</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>No stars</source>
        <translation>Aucune étoile</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Unmark favourite</source>
        <translation>Retirer des favoris</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Mark as favourite</source>
        <translation>Ajouter aux favoris</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Copy file (paste into a file manager or a DAW)</source>
        <translation>Copier le fichier (à coller dans un gestionnaire de fichiers ou une STAN)</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Save clip…</source>
        <translation>Enregistrer le morceau…</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Export job…</source>
        <translation>Exporter la tâche…</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Copy audio URL</source>
        <translation>Copier l’URL de l’audio</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Retry download</source>
        <translation>Relancer le téléchargement</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Move to the trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Copied the audio URL.</source>
        <translation>URL de l’audio copiée.</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>The clip is in {folder}</source>
        <translation>Le morceau se trouve dans {folder}</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>This clip has not been saved on this computer yet.</source>
        <translation>Ce morceau n’a pas encore été enregistré sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Fetching {clip} again.</source>
        <translation>Nouvelle récupération de {clip}.</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>This clip is already saved.</source>
        <translation>Ce morceau est déjà enregistré.</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Select a clip to save.</source>
        <translation>Sélectionnez un morceau à enregistrer.</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Save clips to</source>
        <translation>Enregistrer les morceaux dans</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Select a finished job to export.</source>
        <translation>Sélectionnez une tâche terminée à exporter.</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Export job to</source>
        <translation>Exporter la tâche dans</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Select a clip first.</source>
        <translation>Sélectionnez d’abord un morceau.</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>favourite</source>
        <translation>favori</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>not a favourite</source>
        <translation>pas un favori</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/clip_actions.py"/>
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n morceau</numerusform>
            <numerusform>%n morceaux</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>{clip}: {mark}</source>
        <translation>{clip} : {mark}</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/clip_actions.py"/>
        <source>Moved %n clip(s) to the trash (All clips → Trash to restore).</source>
        <translation>
            <numerusform>%n morceau mis à la corbeille (Tous les morceaux → Corbeille pour le restaurer).</numerusform>
            <numerusform>%n morceaux mis à la corbeille (Tous les morceaux → Corbeille pour les restaurer).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>The trash is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/clip_actions.py"/>
        <source>Emptied the trash: %n file(s) deleted.</source>
        <translation>
            <numerusform>Corbeille vidée : %n fichier supprimé.</numerusform>
            <numerusform>Corbeille vidée : %n fichiers supprimés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Empty the trash</source>
        <translation>Vider la corbeille</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/clip_actions.py"/>
        <source>Delete the %n clip(s) in the trash from this computer for good?</source>
        <translation>
            <numerusform>Supprimer définitivement de cet ordinateur %n morceau de la corbeille ?</numerusform>
            <numerusform>Supprimer définitivement de cet ordinateur les %n morceaux de la corbeille ?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Their audio and cover files are deleted. The service may have deleted its copies already.</source>
        <translation>Leurs fichiers audio et leurs pochettes sont supprimés. Le service a peut-être déjà supprimé ses copies.</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Delete files</source>
        <translation>Supprimer les fichiers</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Nothing to copy: the selected clips are not saved on this computer yet.</source>
        <translation>Rien à copier : les morceaux sélectionnés ne sont pas encore enregistrés sur cet ordinateur.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/clip_actions.py"/>
        <source>Copied %n file(s): paste into a file manager or a DAW.</source>
        <translation>
            <numerusform>%n fichier copié : collez-le dans un gestionnaire de fichiers ou une STAN.</numerusform>
            <numerusform>%n fichiers copiés : collez-les dans un gestionnaire de fichiers ou une STAN.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Nothing listed to put in a playlist.</source>
        <translation>Aucun morceau affiché à mettre dans une liste de lecture.</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Save playlist</source>
        <translation>Enregistrer la liste de lecture</translation>
    </message>
    <message>
        <location filename="../ui/clip_actions.py"/>
        <source>Playlists (*.m3u8)</source>
        <translation>Listes de lecture (*.m3u8)</translation>
    </message>
</context>
<context>
    <name>ClipDetails</name>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Prompt</source>
        <translation>Consigne</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Service title</source>
        <translation>Titre du service</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Audio id</source>
        <translation>Identifiant audio</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Task id</source>
        <translation>Identifiant de tâche</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Clip id</source>
        <translation>Identifiant du morceau</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Loudness</source>
        <translation>Sonie</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Service fields</source>
        <translation>Champs du service</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Your own title (kept here, never sent)</source>
        <translation>Votre propre titre (gardé ici, jamais envoyé)</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>not on this computer</source>
        <translation>absent de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Your title for this clip</source>
        <translation>Votre titre pour ce morceau</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Your notes on this clip</source>
        <translation>Vos notes sur ce morceau</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Notes: what works, what to change next time…</source>
        <translation>Notes : ce qui marche, ce qu’il faut changer la prochaine fois…</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Copy to the clipboard: {field}</source>
        <translation>Copier dans le presse-papiers : {field}</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Copy {field}</source>
        <translation>Copier : {field}</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Clip details</source>
        <translation>Détails du morceau</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>not saved yet</source>
        <translation>pas encore enregistré</translation>
    </message>
    <message>
        <location filename="../ui/clip_details.py"/>
        <source>Copied to the clipboard: {field}.</source>
        <translation>Copié dans le presse-papiers : {field}.</translation>
    </message>
</context>
<context>
    <name>ClipsModel</name>
    <message>
        <location filename="../ui/clips_model.py"/>
        <source>downloading {percent} %</source>
        <translation>téléchargement {percent} %</translation>
    </message>
    <message>
        <location filename="../ui/clips_model.py"/>
        <source>saved</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <location filename="../ui/clips_model.py"/>
        <source>not saved yet</source>
        <translation>pas encore enregistré</translation>
    </message>
    <message>
        <location filename="../ui/clips_model.py"/>
        <source>{lufs} LUFS</source>
        <translation>{lufs} LUFS</translation>
    </message>
    <message>
        <location filename="../ui/clips_model.py"/>
        <source>Loudness: {lufs} LUFS, range {lra} LU, peak {peak} dBTP</source>
        <translation>Sonie : {lufs} LUFS, plage {lra} LU, crête {peak} dBTP</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/clips_model.py"/>
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n étoile</numerusform>
            <numerusform>%n étoiles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/clips_model.py"/>
        <source>not rated</source>
        <translation>sans note</translation>
    </message>
    <message>
        <location filename="../ui/clips_model.py"/>
        <source>downloading</source>
        <translation>téléchargement en cours</translation>
    </message>
    <message>
        <location filename="../ui/clips_model.py"/>
        <source>favourite</source>
        <translation>favori</translation>
    </message>
    <message>
        <location filename="../ui/clips_model.py"/>
        <source>playing</source>
        <translation>en lecture</translation>
    </message>
    <message>
        <location filename="../ui/clips_model.py"/>
        <source>Clip id: {clip_id}</source>
        <translation>Identifiant du morceau : {clip_id}</translation>
    </message>
</context>
<context>
    <name>ClipsPane</name>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>Clips</source>
        <translation>Morceaux</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>All clips</source>
        <translation>Tous les morceaux</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>Show the clips of every job (your library)</source>
        <translation>Afficher les morceaux de toutes les tâches (votre bibliothèque)</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>Everything about the selected clip, your title and notes ({keys})</source>
        <translation>Tout sur le morceau sélectionné, votre titre et vos notes ({keys})</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>Clips — {job}</source>
        <translation>Morceaux — {job}</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>The trash is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>No clip matches. Clear the search or the filters to see them all.</source>
        <translation>Aucun morceau ne correspond. Effacez la recherche ou les filtres pour les voir tous.</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>No clips yet. Finished jobs put their clips here.</source>
        <translation>Aucun morceau pour l’instant. Les tâches terminées déposent leurs morceaux ici.</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>Select a job to see its clips.</source>
        <translation>Sélectionnez une tâche pour voir ses morceaux.</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>Your covers will appear here, with their art, ready to play.</source>
        <translation>Vos reprises apparaîtront ici, avec leur pochette, prêtes à écouter.</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>Waiting for the first clips… they appear here as soon as the service sends them.</source>
        <translation>En attente des premiers morceaux… ils apparaissent ici dès que le service les envoie.</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>This job has no clips.</source>
        <translation>Cette tâche n’a aucun morceau.</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>No audio output device was found: the clip plays silently. Connect headphones or speakers and press Play again.</source>
        <translation>Aucune sortie audio trouvée : le morceau est lu sans son. Branchez un casque ou des haut-parleurs et appuyez à nouveau sur Lecture.</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>Nothing to play yet: select a job with clips.</source>
        <translation>Rien à lire pour l’instant : sélectionnez une tâche qui a des morceaux.</translation>
    </message>
    <message>
        <location filename="../ui/clips_pane.py"/>
        <source>Play two clips first; then this swaps between them.</source>
        <translation>Lisez d’abord deux morceaux ; cette commande passera ensuite de l’un à l’autre.</translation>
    </message>
</context>
<context>
    <name>CoverForm</name>
    <message>
        <location filename="../ui/form.py"/>
        <source>Submit  ·  {credits}</source>
        <translation>Envoyer  ·  {credits}</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Audio id</source>
        <translation>Identifiant audio</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Audio id of your upload, or drop a song link here</source>
        <translation>Identifiant audio de votre envoi, ou déposez ici le lien d’une chanson</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Custom mode: my own lyrics, style, title</source>
        <translation>Mode personnalisé : mes propres paroles, style et titre</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Custom mode</source>
        <translation>Mode personnalisé</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Prompt or lyrics</source>
        <translation>Consigne ou paroles</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Lyrics, or a detailed prompt for the new version</source>
        <translation>Des paroles, ou une consigne détaillée pour la nouvelle version</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>required in custom mode</source>
        <translation>obligatoire en mode personnalisé</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>e.g. acoustic pop, lo-fi jazz</source>
        <translation>p. ex. pop acoustique, jazz lo-fi</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Title of the new track</source>
        <translation>Titre du nouveau morceau</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Several styles or ids: one job for each</source>
        <translation>Plusieurs styles ou identifiants : une tâche pour chacun</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Style matrix</source>
        <translation>Matrice de styles</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Several audio ids (separated by spaces or commas) times several styles (one per line): one job per combination, sent as one batch after you see the cost</source>
        <translation>Plusieurs identifiants audio (séparés par des espaces ou des virgules) fois plusieurs styles (un par ligne) : une tâche par combinaison, envoyées en un seul lot après affichage du coût</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Styles, one per line</source>
        <translation>Styles, un par ligne</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>One style per line, e.g.
acoustic pop
lo-fi jazz</source>
        <translation>Un style par ligne, p. ex.
pop acoustique
jazz lo-fi</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Show advanced options</source>
        <translation>Afficher les options avancées</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Callback URL</source>
        <translation>URL de rappel</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>https://… (optional webhook for your own server)</source>
        <translation>https://… (webhook facultatif vers votre propre serveur)</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Submit</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Submit the cover job ({keys}). Each job costs {credits}.</source>
        <translation>Envoyer la tâche de reprise ({keys}). Chaque tâche coûte {credits}.</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Lyrics / prompt</source>
        <translation>Paroles / consigne</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Audio ids, separated by spaces or commas</source>
        <translation>Identifiants audio, séparés par des espaces ou des virgules</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Submitting…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Submit  ·  free on the demo server</source>
        <translation>Envoyer  ·  gratuit sur le serveur de démo</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/form.py"/>
        <source>Submit %n job(s)  ·  free on the demo server</source>
        <translation>
            <numerusform>Envoyer %n tâche  ·  gratuit sur le serveur de démo</numerusform>
            <numerusform>Envoyer %n tâches  ·  gratuit sur le serveur de démo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/form.py"/>
        <source>Submit %n job(s)  ·  {credits}</source>
        <translation>
            <numerusform>Envoyer %n tâche  ·  {credits}</numerusform>
            <numerusform>Envoyer %n tâches  ·  {credits}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>Submit the cover job ({keys}). The demo server charges nothing.</source>
        <translation>Envoyer la tâche de reprise ({keys}). Le serveur de démo ne facture rien.</translation>
    </message>
    <message>
        <location filename="../ui/form.py"/>
        <source>used in custom mode only</source>
        <translation>utilisé en mode personnalisé seulement</translation>
    </message>
</context>
<context>
    <name>Drops</name>
    <message>
        <location filename="../ui/drops.py"/>
        <source>{name} is not a text file with audio ids (.txt or .csv).</source>
        <translation>{name} n’est pas un fichier texte d’identifiants audio (.txt ou .csv).</translation>
    </message>
    <message>
        <location filename="../ui/drops.py"/>
        <source>{name} is too large ({size} MB): a list of audio ids is a text file of at most {limit} MB.</source>
        <translation>{name} est trop volumineux ({size} Mo) : une liste d’identifiants audio est un fichier texte de {limit} Mo au plus.</translation>
    </message>
    <message>
        <location filename="../ui/drops.py"/>
        <source>Could not read {name}: {reason}</source>
        <translation>Impossible de lire {name} : {reason}</translation>
    </message>
</context>
<context>
    <name>ExportChoices</name>
    <message>
        <location filename="../ui/export_choices.py"/>
        <source>Format of saved clips</source>
        <translation>Format des morceaux enregistrés</translation>
    </message>
    <message>
        <location filename="../ui/export_choices.py"/>
        <source>As delivered (no conversion)</source>
        <translation>Tel que livré (sans conversion)</translation>
    </message>
    <message>
        <location filename="../ui/export_choices.py"/>
        <source>WAV, 16-bit</source>
        <translation>WAV, 16 bits</translation>
    </message>
    <message>
        <location filename="../ui/export_choices.py"/>
        <source>WAV, 24-bit</source>
        <translation>WAV, 24 bits</translation>
    </message>
    <message>
        <location filename="../ui/export_choices.py"/>
        <source>FLAC</source>
        <translation>FLAC</translation>
    </message>
    <message>
        <location filename="../ui/export_choices.py"/>
        <source>What Save clips, Export job and Export loop write; a loop is always WAV or FLAC (24-bit WAV when this is “as delivered”)</source>
        <translation>Ce qu’écrivent Enregistrer les morceaux, Exporter la tâche et Exporter la boucle ; une boucle est toujours en WAV ou FLAC (WAV 24 bits quand ceci vaut « tel que livré »)</translation>
    </message>
    <message>
        <location filename="../ui/export_choices.py"/>
        <source>Sample rate of converted clips</source>
        <translation>Fréquence d’échantillonnage des morceaux convertis</translation>
    </message>
    <message>
        <location filename="../ui/export_choices.py"/>
        <source>As delivered</source>
        <translation>Telle que livrée</translation>
    </message>
    <message>
        <location filename="../ui/export_choices.py"/>
        <source>44.1 kHz</source>
        <translation>44,1 kHz</translation>
    </message>
    <message>
        <location filename="../ui/export_choices.py"/>
        <source>48 kHz</source>
        <translation>48 kHz</translation>
    </message>
    <message>
        <location filename="../ui/export_choices.py"/>
        <source>Resampled with a linear-phase filter (soxr, very high quality)</source>
        <translation>Rééchantillonné avec un filtre à phase linéaire (soxr, très haute qualité)</translation>
    </message>
</context>
<context>
    <name>ExportReport</name>
    <message numerus="yes">
        <location filename="../ui/messages.py"/>
        <source>Saved {saved} of %n.</source>
        <translation>
            <numerusform>{saved} enregistré sur %n.</numerusform>
            <numerusform>{saved} enregistrés sur %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/messages.py"/>
        <source>Saved %n clip(s) to {folder}.</source>
        <translation>
            <numerusform>%n morceau enregistré dans {folder}.</numerusform>
            <numerusform>%n morceaux enregistrés dans {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/messages.py"/>
        <source>Nothing new to save in {folder}.</source>
        <translation>Rien de nouveau à enregistrer dans {folder}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/messages.py"/>
        <source>%n already there.</source>
        <translation>
            <numerusform>%n y était déjà.</numerusform>
            <numerusform>%n y étaient déjà.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/messages.py"/>
        <source>%n were already there.</source>
        <translation type="vanished">
            <numerusform>%n y était déjà.</numerusform>
            <numerusform>%n y étaient déjà.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../ui/help.py"/>
        <source>
&lt;h3&gt;Where an audio id comes from&lt;/h3&gt;
&lt;p&gt;Cover Desktop makes covers of audio you have &lt;b&gt;already uploaded&lt;/b&gt; to the music service. Each upload
gets an &lt;i&gt;audio id&lt;/i&gt;; that id is what you type or drop here.&lt;/p&gt;
&lt;ol&gt;
&lt;li&gt;Upload your piece on the service's website or through its upload API. It must be
&lt;b&gt;6 to 60 seconds&lt;/b&gt; long; longer or shorter uploads are refused with a clear message.&lt;/li&gt;
&lt;li&gt;Copy the id the service shows for the upload, e.g. &lt;code&gt;aud123456789&lt;/code&gt;, or copy the upload's
link: the id is picked out of links like &lt;code&gt;https://…/song/&amp;lt;id&amp;gt;&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;Paste it into &lt;b&gt;Audio id&lt;/b&gt;, or drop the link or a text file with many ids on the window.
Several ids become a batch, one job each, and you see the cost before anything is sent.&lt;/li&gt;
&lt;/ol&gt;
&lt;p&gt;Each job costs 5–12 credits. On the built-in demo server (no key set) everything is free: ids that
start with &lt;code&gt;aud&lt;/code&gt; or &lt;code&gt;demo-&lt;/code&gt; work there.&lt;/p&gt;
</source>
        <translation>
&lt;h3&gt;D’où vient un identifiant audio&lt;/h3&gt;
&lt;p&gt;Cover Desktop fait des reprises d’un audio que vous avez &lt;b&gt;déjà envoyé&lt;/b&gt; au service musical. Chaque envoi
reçoit un &lt;i&gt;identifiant audio&lt;/i&gt; ; c’est cet identifiant que vous saisissez ou déposez ici.&lt;/p&gt;
&lt;ol&gt;
&lt;li&gt;Envoyez votre morceau sur le site du service ou par son API d’envoi. Il doit durer
&lt;b&gt;de 6 à 60 secondes&lt;/b&gt; ; un envoi plus long ou plus court est refusé avec un message clair.&lt;/li&gt;
&lt;li&gt;Copiez l’identifiant que le service affiche pour l’envoi, par exemple &lt;code&gt;aud123456789&lt;/code&gt;, ou copiez le lien
de l’envoi : l’identifiant est extrait des liens comme &lt;code&gt;https://…/song/&amp;lt;id&amp;gt;&lt;/code&gt;.&lt;/li&gt;
&lt;li&gt;Collez-le dans &lt;b&gt;Identifiant audio&lt;/b&gt;, ou déposez le lien ou un fichier texte contenant plusieurs identifiants sur la fenêtre.
Plusieurs identifiants forment un lot, une tâche chacun, et vous voyez le coût avant tout envoi.&lt;/li&gt;
&lt;/ol&gt;
&lt;p&gt;Chaque tâche coûte de 5 à 12 crédits. Sur le serveur de démonstration intégré (sans clé), tout est gratuit : les identifiants
qui commencent par &lt;code&gt;aud&lt;/code&gt; ou &lt;code&gt;demo-&lt;/code&gt; y fonctionnent.&lt;/p&gt;
</translation>
    </message>
    <message>
        <location filename="../ui/help.py"/>
        <source>Submit (in the audio id field)</source>
        <translation>Envoyer (dans le champ de l’identifiant audio)</translation>
    </message>
    <message>
        <location filename="../ui/help.py"/>
        <source>Remove the selected job (in the job list)</source>
        <translation>Retirer la tâche sélectionnée (dans la liste des tâches)</translation>
    </message>
    <message>
        <location filename="../ui/help.py"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../ui/help.py"/>
        <source>Single-letter keys never fire while you type in a text field.</source>
        <translation>Les touches d’une seule lettre n’agissent jamais pendant la saisie dans un champ de texte.</translation>
    </message>
    <message>
        <location filename="../ui/help.py"/>
        <source>How to get an audio id</source>
        <translation>Obtenir un identifiant audio</translation>
    </message>
</context>
<context>
    <name>JobService</name>
    <message numerus="yes">
        <location filename="../jobs/service.py"/>
        <source>%n job(s) submitted.</source>
        <translation>
            <numerusform>%n tâche envoyée.</numerusform>
            <numerusform>%n tâches envoyées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../jobs/service.py"/>
        <source>{submitted} of %n job(s) submitted.</source>
        <translation>
            <numerusform>{submitted} tâche sur %n envoyée.</numerusform>
            <numerusform>{submitted} tâches sur %n envoyées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../jobs/service.py"/>
        <source>Stopped: %n not sent.</source>
        <translation>
            <numerusform>Arrêt : %n non envoyée.</numerusform>
            <numerusform>Arrêt : %n non envoyées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../jobs/service.py"/>
        <source>%n not tried.</source>
        <translation>
            <numerusform>%n non tentée.</numerusform>
            <numerusform>%n non tentées.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../jobs/service.py"/>
        <source>Could not save the job history: {reason}</source>
        <translation>Impossible d’enregistrer l’historique des tâches : {reason}</translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>Submitting…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>Complete</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>Timed out — retry?</source>
        <translation>Délai dépassé — réessayer ?</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>Submit unconfirmed</source>
        <translation>Envoi non confirmé</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>Queued</source>
        <translation>En file d’attente</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>Processing</source>
        <translation>En traitement</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>Streaming first results</source>
        <translation>Premiers résultats en cours d’arrivée</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message numerus="yes">
        <location filename="../ui/jobs_model.py"/>
        <source>%n clip(s)</source>
        <translation>
            <numerusform>%n morceau</numerusform>
            <numerusform>%n morceaux</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>no credits</source>
        <translation>aucun crédit</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/jobs_model.py"/>
        <source>%n credit(s)</source>
        <translation>
            <numerusform>%n crédit</numerusform>
            <numerusform>%n crédits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>{low}–{high} credits</source>
        <translation>{low} à {high} crédits</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/jobs_model.py"/>
        <source>up to %n credit(s) unconfirmed</source>
        <translation>
            <numerusform>jusqu’à %n crédit non confirmé</numerusform>
            <numerusform>jusqu’à %n crédits non confirmés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>{spent} + up to {most} unconfirmed</source>
        <translation>{spent} + jusqu’à {most} non confirmés</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>{jobs} × {low}–{high} = {total_low}–{total_high} credits</source>
        <translation>{jobs} × {low}–{high} = {total_low} à {total_high} crédits</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>{day} {time}</source>
        <translation>{day} {time}</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>for {time}</source>
        <translation>depuis {time}</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>took {time}</source>
        <translation>a duré {time}</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>custom</source>
        <translation>personnalisée</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>plain cover</source>
        <translation>reprise simple</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>made {when}</source>
        <translation>créé {when}</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>Task id: {task_id}</source>
        <translation>Identifiant de tâche : {task_id}</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>(not yet)</source>
        <translation>(pas encore)</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>Status: {status}</source>
        <translation>État : {status}</translation>
    </message>
    <message>
        <location filename="../ui/jobs_model.py"/>
        <source>History: {steps}</source>
        <translation>Historique : {steps}</translation>
    </message>
</context>
<context>
    <name>JobsPane</name>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>No jobs yet. Enter an audio id above and press Submit — or drop song links or a list of ids anywhere on this window.</source>
        <translation>Aucune tâche pour l’instant. Saisissez un identifiant audio ci-dessus et appuyez sur Envoyer — ou déposez des liens de chansons ou une liste d’identifiants n’importe où sur cette fenêtre.</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Copy task id</source>
        <translation>Copier l’identifiant de tâche</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Retry polling</source>
        <translation>Relancer le suivi</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Resubmit with same settings…</source>
        <translation>Renvoyer avec les mêmes réglages…</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Edit in form</source>
        <translation>Modifier dans le formulaire</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Remove from history…</source>
        <translation>Retirer de l’historique…</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Copied task id {task_id}.</source>
        <translation>Identifiant de tâche {task_id} copié.</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Checking {task_id} again.</source>
        <translation>Nouvelle vérification de {task_id}.</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Its saved clip files stay in {folder} (Help → Open the clips folder).</source>
        <translation>Ses morceaux enregistrés restent dans {folder} (Aide → Ouvrir le dossier des morceaux).</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>It is still running: the app will stop following it.</source>
        <translation>Elle est encore en cours : l’application cessera de la suivre.</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Removed from the history. The clip files are still in {folder}.</source>
        <translation>Retirée de l’historique. Les fichiers des morceaux sont toujours dans {folder}.</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Removed from the history.</source>
        <translation>Retirée de l’historique.</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Remove job</source>
        <translation>Retirer la tâche</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Remove {audio_id} from the history?</source>
        <translation>Retirer {audio_id} de l’historique ?</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Resubmit job</source>
        <translation type="vanished">Renvoyer la tâche</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Submit {audio_id} again with the same settings?</source>
        <translation type="vanished">Envoyer à nouveau {audio_id} avec les mêmes réglages ?</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>This makes a new job and costs {credits}.</source>
        <translation type="vanished">Cela crée une nouvelle tâche et coûte {credits}.</translation>
    </message>
    <message>
        <location filename="../ui/jobs_pane.py"/>
        <source>Resubmit</source>
        <translation type="vanished">Renvoyer</translation>
    </message>
</context>
<context>
    <name>LibraryBar</name>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Search the clips</source>
        <translation>Rechercher dans les morceaux</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Search title, style, id, lyrics…</source>
        <translation>Titre, style, identifiant, paroles…</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Finds clips by title, style, audio id, task id, clip id, lyrics or your notes</source>
        <translation>Trouve les morceaux par titre, style, identifiant audio, de tâche ou de morceau, paroles ou vos notes</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Favourites</source>
        <translation>Favoris</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Only the clips you marked as favourites</source>
        <translation>Seulement les morceaux que vous avez mis en favoris</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Fewest stars shown</source>
        <translation>Nombre minimal d’étoiles</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/library_bar.py"/>
        <source>%n+ star(s)</source>
        <translation>
            <numerusform>%n étoile et +</numerusform>
            <numerusform>%n étoiles et +</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Job status</source>
        <translation>État de la tâche</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>When the job was made</source>
        <translation>Date de création de la tâche</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Sort by</source>
        <translation>Trier par</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Newest, longest or best first / the other way round</source>
        <translation>Les plus récents, longs ou mieux notés d’abord / dans l’autre sens</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Clips you put in the trash: restore them, or empty the trash for good</source>
        <translation>Les morceaux mis à la corbeille : restaurez-les, ou videz la corbeille définitivement</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Playlist…</source>
        <translation>Liste de lecture…</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Save what is listed as an M3U8 playlist</source>
        <translation>Enregistrer ce qui est affiché comme liste de lecture M3U8</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Empty trash…</source>
        <translation>Vider la corbeille…</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Stars</source>
        <translation>Étoiles</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Made</source>
        <translation>Créé</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Sort</source>
        <translation>Tri</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Ascending</source>
        <translation>Croissant</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Descending</source>
        <translation>Décroissant</translation>
    </message>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Search title, style, audio id, task id, lyrics…</source>
        <translation type="vanished">Rechercher un titre, un style, un identifiant audio ou de tâche, des paroles…</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <location filename="../ui/library_bar.py"/>
        <source>Any rating</source>
        <translation>Toutes les notes</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Rating</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Any time</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Last year</source>
        <translation>Dernière année</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Any status</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Complete</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../ui/library_view.py"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
</context>
<context>
    <name>LoopExport</name>
    <message>
        <location filename="../ui/loop_export.py"/>
        <source>Mark a loop (Shift+drag on the waveform) in a saved clip first.</source>
        <translation>Marquez d’abord une boucle (Maj+glisser sur la forme d’onde) dans un morceau enregistré.</translation>
    </message>
    <message>
        <location filename="../ui/loop_export.py"/>
        <source>Export loop to</source>
        <translation>Exporter la boucle vers</translation>
    </message>
    <message>
        <location filename="../ui/loop_export.py"/>
        <source>The loop could not be saved: {problem}</source>
        <translation>La boucle n’a pas pu être enregistrée : {problem}</translation>
    </message>
    <message>
        <location filename="../ui/loop_export.py"/>
        <source>Saved the loop as {file}.</source>
        <translation>Boucle enregistrée sous {file}.</translation>
    </message>
    <message>
        <location filename="../ui/loop_export.py"/>
        <source>The loop is being prepared: drag it again in a moment.</source>
        <translation>La boucle est en préparation : faites-la glisser de nouveau dans un instant.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>Reading the job history…</source>
        <translation>Lecture de l’historique des tâches…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>New cover</source>
        <translation>Nouvelle reprise</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>New cover and jobs</source>
        <translation>Nouvelle reprise et tâches</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>Checking jobs is paused until you fix your key.</source>
        <translation>La vérification des tâches est en pause jusqu’à ce que vous corrigiez votre clé.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>Demo server ({host})</source>
        <translation>Serveur de démonstration ({host})</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>Live: {host}</source>
        <translation>En ligne : {host}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>plain http, key sent unencrypted</source>
        <translation>http simple, clé envoyée sans chiffrement</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>Cover ready: {what} ({clips}).</source>
        <translation>Reprise prête : {what} ({clips}).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>Job failed: {what}. {error}</source>
        <translation>Échec de la tâche : {what}. {error}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>Settings could not be saved: {reason}</source>
        <translation>Les réglages n’ont pas pu être enregistrés : {reason}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>Settings saved.</source>
        <translation>Réglages enregistrés.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>Demo: no credits spent</source>
        <translation>Démo : aucun crédit dépensé</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>An estimate: the service does not report spend. Each job that may have been charged counts {credits}.
Today: {today}
This month: {month}</source>
        <translation>Une estimation : le service n’indique pas les dépenses. Chaque tâche qui a pu être facturée compte {credits}.
Aujourd’hui : {today}
Ce mois-ci : {month}</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.py"/>
        <source>Monthly budget: %n credit(s)</source>
        <translation>
            <numerusform>Budget mensuel : %n crédit</numerusform>
            <numerusform>Budget mensuel : %n crédits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>This month: {spent}</source>
        <translation>Ce mois-ci : {spent}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>The log: {folder}</source>
        <translation>Le journal : {folder}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>The log is in {folder} (no file manager could be started).</source>
        <translation>Le journal est dans {folder} (aucun gestionnaire de fichiers n’a pu être lancé).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>The clips the app keeps: {folder}</source>
        <translation>Les morceaux gardés par l’application : {folder}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>The clips the app keeps are in {folder} (no file manager could be started).</source>
        <translation>Les morceaux gardés par l’application sont dans {folder} (aucun gestionnaire de fichiers n’a pu être lancé).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py"/>
        <source>This month so far: {spent}. {cost} more could take you past your monthly budget of {budget} (Settings).</source>
        <translation type="vanished">Ce mois-ci jusqu’ici : {spent}. {cost} de plus pourraient vous faire dépasser votre budget mensuel de {budget} (Réglages).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.py"/>
        <source>%n credit(s)</source>
        <translation type="vanished">
            <numerusform>%n crédit</numerusform>
            <numerusform>%n crédits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Réglages…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Import ids from file…</source>
        <translation>&amp;Importer des identifiants d’un fichier…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Jobs</source>
        <translation>&amp;Tâches</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Pause polling</source>
        <translation>&amp;Suspendre le suivi</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Check all &amp;now</source>
        <translation>Tout vérifier &amp;maintenant</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Retry polling</source>
        <translation>&amp;Relancer le suivi</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Re&amp;submit with same settings…</source>
        <translation>Ren&amp;voyer avec les mêmes réglages…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Edit in form</source>
        <translation>&amp;Modifier dans le formulaire</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Copy task id</source>
        <translation>&amp;Copier l’identifiant de tâche</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Re&amp;move from history…</source>
        <translation>Re&amp;tirer de l’historique…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Clips</source>
        <translation>&amp;Morceaux</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Play / pause</source>
        <translation>&amp;Lecture / pause</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Next clip</source>
        <translation>Morceau &amp;suivant</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>P&amp;revious clip</source>
        <translation>Morceau &amp;précédent</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Audition</source>
        <translation>Éc&amp;oute</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>S&amp;wap with the previous clip</source>
        <translation>&amp;Basculer avec le morceau précédent</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Keep the &amp;position between clips of a job (A/B)</source>
        <translation>Garder la &amp;position entre les morceaux d’une tâche (A/B)</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Play the next clip at the end</source>
        <translation>&amp;Lire le morceau suivant à la fin</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Repeat: off, all, one</source>
        <translation>&amp;Répéter : non, tout, un</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Loop &amp;start here</source>
        <translation>&amp;Début de boucle ici</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Loop &amp;end here</source>
        <translation>&amp;Fin de boucle ici</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Clear the loop</source>
        <translation>&amp;Effacer la boucle</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Rate</source>
        <translation>&amp;Noter</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>No stars</source>
        <translation>Aucune étoile</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/menus.py"/>
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n étoile</numerusform>
            <numerusform>%n étoiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/menus.py"/>
        <source>%n star(s), then the next clip</source>
        <translation>
            <numerusform>%n étoile, puis le morceau suivant</numerusform>
            <numerusform>%n étoiles, puis le morceau suivant</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Favourite on / off</source>
        <translation>&amp;Favori oui / non</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Copy files</source>
        <translation>&amp;Copier les fichiers</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Show in &amp;folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Save clips…</source>
        <translation>&amp;Enregistrer les morceaux…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Export job…</source>
        <translation>E&amp;xporter la tâche…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Save a &amp;playlist of the list…</source>
        <translation>Enregistrer une liste de lec&amp;ture de la liste…</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Copy &amp;audio URL</source>
        <translation>Copier l’URL de l’&amp;audio</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Re&amp;try download</source>
        <translation>Relancer le &amp;téléchargement</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Move to the &amp;trash</source>
        <translation>Mettre à la &amp;corbeille</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Restore from the trash</source>
        <translation>Restaurer depuis la corbeille</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Show &amp;all clips</source>
        <translation>Afficher &amp;tous les morceaux</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Clip &amp;details</source>
        <translation>&amp;Détails du morceau</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;View</source>
        <translation>Affi&amp;chage</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Appearance</source>
        <translation>&amp;Apparence</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>How to get an &amp;audio id</source>
        <translation>Obtenir un identifiant &amp;audio</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Open the &amp;clips folder</source>
        <translation>Ouvrir le dossier des &amp;morceaux</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>Open &amp;log folder</source>
        <translation>Ouvrir le dossier du &amp;journal</translation>
    </message>
    <message>
        <location filename="../ui/menus.py"/>
        <source>&amp;About Cover Desktop</source>
        <translation>À &amp;propos de Cover Desktop</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../api/client.py"/>
        <source>The base URL must start with http:// or https:// (got “{url}”).</source>
        <translation>L’URL de base doit commencer par http:// ou https:// (reçu « {url} »).</translation>
    </message>
    <message>
        <location filename="../api/client.py"/>
        <source>The server's answer was far too large to be from the service (HTTP {code}, more than {kb} KB), so it was not read. A proxy may be in the way, or the base URL in Settings is wrong.</source>
        <translation>La réponse du serveur était bien trop grande pour venir du service (HTTP {code}, plus de {kb} Ko) : elle n’a pas été lue. Un proxy est peut-être sur le chemin, ou l’URL de base des Réglages est fausse.</translation>
    </message>
    <message>
        <location filename="../api/client.py"/>
        <source>The key works.</source>
        <translation>La clé fonctionne.</translation>
    </message>
    <message>
        <location filename="../api/client.py"/>
        <source>The API key was not sent: the base URL is plain http:// to {host}, so anyone on the way could read it. Use https://, or allow plain http in Settings.</source>
        <translation>La clé d’API n’a pas été envoyée : l’URL de base est en http:// non chiffré vers {host}, n’importe qui sur le chemin pourrait la lire. Utilisez https://, ou autorisez le http non chiffré dans les Réglages.</translation>
    </message>
    <message>
        <location filename="../api/client.py"/>
        <source>{host} did not finish answering within {seconds} s. Check your connection; we will keep trying.</source>
        <translation>{host} n’a pas fini de répondre en {seconds} s. Vérifiez votre connexion ; nous continuons d’essayer.</translation>
    </message>
    <message>
        <location filename="../api/client.py"/>
        <source>(gave up after {tries} tries)</source>
        <translation>(abandon après {tries} essais)</translation>
    </message>
    <message>
        <location filename="../api/keys.py"/>
        <source>The API key has a line break inside it (character {position}). A key is one unbroken word. Paste the key again in Settings (File → Settings).</source>
        <translation>La clé d’API contient un saut de ligne (caractère {position}). Une clé est un seul mot, sans coupure. Collez de nouveau la clé dans les Réglages (Fichier → Réglages).</translation>
    </message>
    <message>
        <location filename="../api/keys.py"/>
        <source>The API key has a space inside it (character {position}). A key is one unbroken word. Paste the key again in Settings (File → Settings).</source>
        <translation>La clé d’API contient une espace (caractère {position}). Une clé est un seul mot, sans coupure. Collez de nouveau la clé dans les Réglages (Fichier → Réglages).</translation>
    </message>
    <message>
        <location filename="../api/keys.py"/>
        <source>The API key has an invisible character inside it ({character}, character {position}), probably copied along with it. Paste the key again in Settings (File → Settings).</source>
        <translation>La clé d’API contient un caractère invisible ({character}, caractère {position}), sans doute copié avec elle. Collez de nouveau la clé dans les Réglages (Fichier → Réglages).</translation>
    </message>
    <message>
        <location filename="../api/keys.py"/>
        <source>The API key has a character that cannot be part of a key ({character}, character {position}); keys are plain letters, digits and punctuation. Paste the key again in Settings (File → Settings).</source>
        <translation>La clé d’API contient un caractère qui ne peut pas faire partie d’une clé ({character}, caractère {position}) ; une clé n’a que des lettres simples, des chiffres et de la ponctuation. Collez de nouveau la clé dans les Réglages (Fichier → Réglages).</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The server answered with a web page instead of data (HTTP {code}). A proxy may be in the way, or the base URL in Settings is wrong.</source>
        <translation>Le serveur a répondu par une page web au lieu de données (HTTP {code}). Un proxy est peut-être sur le chemin, ou l’URL de base des Réglages est fausse.</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The server's answer could not be read (HTTP {code}, not valid JSON).</source>
        <translation>La réponse du serveur n’a pas pu être lue (HTTP {code}, JSON non valide).</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The service said: “{words}”</source>
        <translation>Le service a dit : « {words} »</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>Not enough credits for this cover (each one costs {low}–{high} credits). Top up your account, then submit again.</source>
        <translation>Pas assez de crédits pour cette reprise (chacune coûte {low} à {high} crédits). Rechargez votre compte, puis envoyez de nouveau.</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The API key was not accepted. Fix your key in Settings (File → Settings).</source>
        <translation>La clé d’API n’a pas été acceptée. Corrigez votre clé dans les Réglages (Fichier → Réglages).</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The service refused this request. Check the audio id, and that the uploaded audio is between 6 and 60 seconds long.</source>
        <translation>Le service a refusé cette demande. Vérifiez l’identifiant audio, et que l’audio envoyé dure entre 6 et 60 secondes.</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The service does not know the task “{task_id}” (it may have expired).</source>
        <translation>Le service ne connaît pas la tâche « {task_id} » (elle a peut-être expiré).</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The service does not know the audio id “{audio_id}”. Check the id of your uploaded audio.</source>
        <translation>Le service ne connaît pas l’identifiant audio « {audio_id} ». Vérifiez l’identifiant de votre audio envoyé.</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The service is busy and asked us to slow down (HTTP 429).</source>
        <translation>Le service est occupé et nous a demandé de ralentir (HTTP 429).</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The service had a problem (HTTP {code}). Try again in a little while.</source>
        <translation>Le service a eu un problème (HTTP {code}). Réessayez dans un moment.</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The service answered with an error (HTTP {code}).</source>
        <translation>Le service a répondu par une erreur (HTTP {code}).</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The service accepted the request but sent back no task id, so the job cannot be followed. Check your account before submitting again.</source>
        <translation>Le service a accepté la demande mais n’a renvoyé aucun identifiant de tâche, la tâche ne peut donc pas être suivie. Vérifiez votre compte avant d’envoyer de nouveau.</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The service's status answer had no job data in it.</source>
        <translation>La réponse d’état du service ne contenait aucune donnée de tâche.</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>{host} did not answer in time. Check your connection; we will keep trying.</source>
        <translation>{host} n’a pas répondu à temps. Vérifiez votre connexion ; nous continuons d’essayer.</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>A secure connection to {host} could not be made (certificate or TLS problem). Check the base URL in Settings.</source>
        <translation>Impossible d’établir une connexion sécurisée avec {host} (problème de certificat ou de TLS). Vérifiez l’URL de base dans les Réglages.</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>Could not reach {host}. Check your internet connection or the base URL.</source>
        <translation>Impossible de joindre {host}. Vérifiez votre connexion à Internet ou l’URL de base.</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>The connection to {host} was cut off.</source>
        <translation>La connexion avec {host} a été coupée.</translation>
    </message>
    <message>
        <location filename="../api/mapping.py"/>
        <source>Network problem talking to {host}.</source>
        <translation>Problème de réseau en parlant à {host}.</translation>
    </message>
    <message>
        <location filename="../api/models.py"/>
        <source>Enter the audio id of your uploaded clip.</source>
        <translation>Saisissez l’identifiant audio de votre extrait envoyé.</translation>
    </message>
    <message>
        <location filename="../api/models.py"/>
        <source>An audio id has no spaces in it.</source>
        <translation>Un identifiant audio ne contient pas d’espace.</translation>
    </message>
    <message>
        <location filename="../api/models.py"/>
        <source>Custom mode needs lyrics or a prompt.</source>
        <translation>Le mode personnalisé demande des paroles ou une consigne.</translation>
    </message>
    <message>
        <location filename="../api/models.py"/>
        <source>Prompt is {length} characters; the limit is {limit}.</source>
        <translation>La consigne fait {length} caractères ; la limite est de {limit}.</translation>
    </message>
    <message>
        <location filename="../api/models.py"/>
        <source>Style is {length} characters; the limit is {limit}.</source>
        <translation>Le style fait {length} caractères ; la limite est de {limit}.</translation>
    </message>
    <message>
        <location filename="../api/models.py"/>
        <source>Title is {length} characters; the limit is {limit}.</source>
        <translation>Le titre fait {length} caractères ; la limite est de {limit}.</translation>
    </message>
    <message>
        <location filename="../api/models.py"/>
        <source>The callback URL must start with http:// or https://.</source>
        <translation>L’URL de rappel doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <location filename="../jobs/model.py"/>
        <source>The service reported “{status}”.</source>
        <translation>Le service a signalé « {status} ».</translation>
    </message>
    <message>
        <location filename="../jobs/service.py"/>
        <source>The app stopped while this job was being submitted, so it is not known whether the service created it. Check your account before submitting again.</source>
        <translation>L’application s’est arrêtée pendant l’envoi de cette tâche : on ne sait pas si le service l’a créée. Vérifiez votre compte avant de l’envoyer à nouveau.</translation>
    </message>
    <message>
        <location filename="../jobs/service.py"/>
        <source>The service accepted this job as task {task_id}, but the job history could not save it ({why}). The app keeps following it; copy the task id to be safe.</source>
        <translation>Le service a accepté cette tâche sous l’identifiant {task_id}, mais l’historique n’a pas pu l’enregistrer ({why}). L’application continue de la suivre ; copiez l’identifiant par prudence.</translation>
    </message>
    <message>
        <location filename="../jobs/service.py"/>
        <source>The service's answer to the submit was lost ({why}). The job may have been created and charged; check your account before submitting again.</source>
        <translation>La réponse du service à l’envoi s’est perdue ({why}). La tâche a peut-être été créée et facturée ; vérifiez votre compte avant de l’envoyer à nouveau.</translation>
    </message>
    <message>
        <location filename="../jobs/service.py"/>
        <source>{name}: {problem}</source>
        <translation>{name} : {problem}</translation>
    </message>
    <message>
        <location filename="../jobs/service.py"/>
        <source>Will keep checking.</source>
        <translation>La vérification continue.</translation>
    </message>
    <message>
        <location filename="../jobs/service.py"/>
        <source>Next check in {seconds} s; F5 checks now.</source>
        <translation>Prochaine vérification dans {seconds} s ; F5 vérifie maintenant.</translation>
    </message>
    <message>
        <location filename="../jobs/service.py"/>
        <source>{problem} Checking jobs starts again by itself.</source>
        <translation>{problem} La vérification des tâches reprendra d’elle-même.</translation>
    </message>
    <message>
        <location filename="../jobs/service.py"/>
        <source>No result after {minutes} min. Use “Retry polling” to keep waiting.</source>
        <translation>Aucun résultat après {minutes} min. Utilisez « Relancer le suivi » pour attendre encore.</translation>
    </message>
    <message>
        <location filename="../jobs/service.py"/>
        <source>Retrying in {seconds} s (try {attempt} of {attempts}).</source>
        <translation>Nouvel essai dans {seconds} s (essai {attempt} sur {attempts}).</translation>
    </message>
    <message>
        <location filename="../jobs/store.py"/>
        <source>The job history was written by a newer Cover Desktop (schema {version}).</source>
        <translation>L’historique des tâches a été écrit par une version plus récente de Cover Desktop (schéma {version}).</translation>
    </message>
    <message>
        <location filename="../media/export.py"/>
        <source>This clip's audio has not been downloaded yet.</source>
        <translation>L’audio de ce morceau n’a pas encore été téléchargé.</translation>
    </message>
    <message>
        <location filename="../media/export.py"/>
        <source>saved without tags ({problem})</source>
        <translation>enregistré sans étiquettes ({problem})</translation>
    </message>
    <message>
        <location filename="../media/export.py"/>
        <source>kept the existing {file}</source>
        <translation>{file} existant conservé</translation>
    </message>
    <message>
        <location filename="../media/export.py"/>
        <source>{name}: {note}.</source>
        <translation>{name} : {note}.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>audio</source>
        <translation>audio</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>cover image</source>
        <translation>pochette</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>Refused to fetch the {what} from “{link}”: it is not a usable link.</source>
        <translation>Récupération refusée ({what}) depuis « {link} » : ce n’est pas un lien utilisable.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>Refused to fetch the {what} from “{link}”: only http and https links are used.</source>
        <translation>Récupération refusée ({what}) depuis « {link} » : seuls les liens http et https sont utilisés.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} link “{link}” is malformed.</source>
        <translation>Le lien ({what}) « {link} » est mal formé.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>Downloading the {what} took longer than {seconds} s; it will be tried again.</source>
        <translation>Le téléchargement ({what}) a pris plus de {seconds} s ; il sera réessayé.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} could not be fetched ({problem}).</source>
        <translation>Impossible de récupérer le fichier ({what}) ({problem}).</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} link “{link}” cannot be used.</source>
        <translation>Le lien ({what}) « {link} » est inutilisable.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} link redirects more than {count} times.</source>
        <translation>Le lien ({what}) redirige plus de {count} fois.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} is larger than the {limit} MB allowed.</source>
        <translation>Le fichier ({what}) dépasse les {limit} Mo autorisés.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} server sent more than it announced.</source>
        <translation>Le serveur ({what}) a envoyé plus que ce qu’il annonçait.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} download stopped early ({got} of {total} bytes); it will be tried again.</source>
        <translation>Le téléchargement ({what}) s’est arrêté trop tôt ({got} octets sur {total}) ; il sera réessayé.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The file served as the audio is not audio.</source>
        <translation>Le fichier servi comme audio n’est pas de l’audio.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The file served as the cover image is not a picture.</source>
        <translation>Le fichier servi comme pochette n’est pas une image.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} link has expired or is gone (HTTP {code}). The service keeps files for about two weeks.</source>
        <translation>Le lien ({what}) a expiré ou n’existe plus (HTTP {code}). Le service garde les fichiers environ deux semaines.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} server is busy or failing (HTTP {code}); it will be tried again.</source>
        <translation>Le serveur ({what}) est occupé ou en panne (HTTP {code}) ; il sera réessayé.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} could not be fetched (HTTP {code}).</source>
        <translation>Impossible de récupérer le fichier ({what}) (HTTP {code}).</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} server sent a part of the file that was not asked for.</source>
        <translation>Le serveur ({what}) a envoyé une partie du fichier qui n’était pas demandée.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} is {size} MB, more than the {limit} MB allowed.</source>
        <translation>Le fichier ({what}) fait {size} Mo, plus que les {limit} Mo autorisés.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>a web page</source>
        <translation>une page web</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>something else</source>
        <translation>autre chose</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The file served as the audio is not audio (it looks like {looks}).</source>
        <translation>Le fichier servi comme audio n’est pas de l’audio (il ressemble à {looks}).</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The file served as the cover image is not a picture (it looks like {looks}).</source>
        <translation>Le fichier servi comme pochette n’est pas une image (il ressemble à {looks}).</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} could not be decoded as a picture.</source>
        <translation>Le fichier ({what}) n’a pas pu être décodé comme une image.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>Refused to fetch the {what} from “{link}”: it points at this computer or a private network.</source>
        <translation>Récupération refusée ({what}) depuis « {link} » : il pointe vers cet ordinateur ou un réseau privé.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} download stalled (nothing arrived for a while); it will be tried again.</source>
        <translation>Le téléchargement ({what}) est bloqué (rien n’est arrivé depuis un moment) ; il sera réessayé.</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>The {what} link cannot be used ({problem}).</source>
        <translation>Le lien ({what}) est inutilisable ({problem}).</translation>
    </message>
    <message>
        <location filename="../media/fetch.py"/>
        <source>Downloading the {what} failed ({problem}); it will be tried again.</source>
        <translation>Le téléchargement ({what}) a échoué ({problem}) ; il sera réessayé.</translation>
    </message>
    <message>
        <location filename="../media/library.py"/>
        <source>Could not write the file: {reason}</source>
        <translation>Impossible d’écrire le fichier : {reason}</translation>
    </message>
    <message>
        <location filename="../media/library.py"/>
        <source>{clip}: {problem}</source>
        <translation>{clip} : {problem}</translation>
    </message>
    <message>
        <location filename="../media/library.py"/>
        <source>The audio could not be fetched.</source>
        <translation>Impossible de récupérer l’audio.</translation>
    </message>
    <message>
        <location filename="../media/library.py"/>
        <source>The cover could not be fetched.</source>
        <translation>Impossible de récupérer la pochette.</translation>
    </message>
    <message>
        <location filename="../media/library.py"/>
        <source>The disk is full ({free} MB free). The clips are saved as soon as there is space again.</source>
        <translation>Le disque est plein ({free} Mo libres). Les morceaux seront enregistrés dès qu’il y aura de nouveau de la place.</translation>
    </message>
    <message>
        <location filename="../media/library.py"/>
        <source>Waiting for free disk space.</source>
        <translation>En attente d’espace libre sur le disque.</translation>
    </message>
    <message>
        <location filename="../media/name_template.py"/>
        <source>the clip's title (your own title if you gave one, else the service's)</source>
        <translation>le titre du morceau (le vôtre si vous lui en avez donné un, sinon celui du service)</translation>
    </message>
    <message>
        <location filename="../media/name_template.py"/>
        <source>the clip's number in its job: 1, 2, … ({n:02d} gives 01, 02, …)</source>
        <translation>le numéro du morceau dans sa tâche : 1, 2, … ({n:02d} donne 01, 02, …)</translation>
    </message>
    <message>
        <location filename="../media/name_template.py"/>
        <source>“ #2” when the job made several clips, nothing when it made one</source>
        <translation>« #2 » quand la tâche a donné plusieurs morceaux, rien quand elle n’en a donné qu’un</translation>
    </message>
    <message>
        <location filename="../media/name_template.py"/>
        <source>the style (genre) of the clip</source>
        <translation>le style (genre) du morceau</translation>
    </message>
    <message>
        <location filename="../media/name_template.py"/>
        <source>the artist name from Settings</source>
        <translation>le nom d’artiste des Réglages</translation>
    </message>
    <message>
        <location filename="../media/name_template.py"/>
        <source>the day the job was made, 2025-05-03; {date:%Y-%m} or any strftime format</source>
        <translation>le jour où la tâche a été créée, 2025-05-03 ; {date:%Y-%m} ou tout format strftime</translation>
    </message>
    <message>
        <location filename="../media/name_template.py"/>
        <source>the audio id of your upload</source>
        <translation>l’identifiant audio de votre envoi</translation>
    </message>
    <message>
        <location filename="../media/name_template.py"/>
        <source>the service's task id</source>
        <translation>l’identifiant de tâche du service</translation>
    </message>
    <message>
        <location filename="../media/name_template.py"/>
        <source>the service's clip id</source>
        <translation>l’identifiant de morceau du service</translation>
    </message>
    <message>
        <location filename="../media/name_template.py"/>
        <source>Unknown field {field}: use one of {fields}.</source>
        <translation>Champ inconnu {field} : utilisez l’un de {fields}.</translation>
    </message>
    <message>
        <location filename="../media/name_template.py"/>
        <source>The name template cannot be used: {problem}</source>
        <translation>Le modèle de nom est inutilisable : {problem}</translation>
    </message>
    <message>
        <location filename="../media/name_template.py"/>
        <source>The name template is empty.</source>
        <translation>Le modèle de nom est vide.</translation>
    </message>
    <message>
        <location filename="../media/player.py"/>
        <source>This clip has no audio to play yet.</source>
        <translation>Ce morceau n’a pas encore d’audio à lire.</translation>
    </message>
    <message>
        <location filename="../media/player.py"/>
        <source>Could not play this clip: {problem}.</source>
        <translation>Impossible de lire ce morceau : {problem}.</translation>
    </message>
    <message>
        <location filename="../media/tags.py"/>
        <source>Could not write the tags of {file}: {problem}</source>
        <translation>Impossible d’écrire les étiquettes de {file} : {problem}</translation>
    </message>
</context>
<context>
    <name>PauseReason</name>
    <message>
        <location filename="../ui/status.py"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../ui/status.py"/>
        <source>Polling paused</source>
        <translation>Suivi en pause</translation>
    </message>
    <message>
        <location filename="../ui/status.py"/>
        <source>The API key was not accepted</source>
        <translation>La clé d’API a été refusée</translation>
    </message>
    <message>
        <location filename="../ui/status.py"/>
        <source>The key is not sent over plain http</source>
        <translation>La clé n’est pas envoyée en http non chiffré</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Repeat: off</source>
        <translation>Répéter : non</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Repeat: all</source>
        <translation>Répéter : tout</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Repeat: one</source>
        <translation>Répéter : un</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Nothing loaded</source>
        <translation>Aucun morceau chargé</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Now playing</source>
        <translation>En cours de lecture</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Previous clip</source>
        <translation>Morceau précédent</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Play / pause</source>
        <translation>Lecture / pause</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Next clip</source>
        <translation>Morceau suivant</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Playback position</source>
        <translation>Position de lecture</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Click to jump there, drag to seek; Shift+drag marks a loop</source>
        <translation>Cliquez pour y aller, faites glisser pour vous déplacer ; Maj+glisser marque une boucle</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Repeat: off, all, one</source>
        <translation>Répéter : non, tout, un</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>A/B: a clip of the same job starts at the same position</source>
        <translation>A/B : un morceau de la même tâche démarre à la même position</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Match loudness: every clip plays at the level of the quietest of its job, so A/B compares the music, not the level</source>
        <translation>Égaliser la sonie : chaque morceau est lu au niveau du plus faible de sa tâche, pour que l’A/B compare la musique et non le niveau</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Match loudness</source>
        <translation>Égaliser la sonie</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Gain in use</source>
        <translation>Gain appliqué</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>The gain that brings this clip to the common loudness</source>
        <translation>Le gain qui amène ce morceau à la sonie commune</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Export loop…</source>
        <translation>Exporter la boucle…</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Save the A–B loop as a WAV or FLAC file with short fades; or drag the loop band out of the waveform</source>
        <translation>Enregistrer la boucle A–B en fichier WAV ou FLAC avec de courts fondus ; ou faire glisser la bande de la boucle hors de la forme d’onde</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Play / pause ({keys}). No audio output device was found: playback is silent.</source>
        <translation>Lecture / pause ({keys}). Aucune sortie audio trouvée : la lecture est muette.</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Now playing: {title}</source>
        <translation>En lecture : {title}</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>This file could not be decoded: no waveform and no loudness. It may still play.</source>
        <translation>Ce fichier n’a pas pu être décodé : ni forme d’onde ni sonie. Il peut tout de même être lu.</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>measuring…</source>
        <translation>mesure…</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>{gain} dB</source>
        <translation>{gain} dB</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>{position} of {duration}</source>
        <translation>{position} sur {duration}</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../ui/player_bar.py"/>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
</context>
<context>
    <name>PlaylistReport</name>
    <message numerus="yes">
        <location filename="../ui/messages.py"/>
        <source>Wrote {name} with %n clip(s).</source>
        <translation>
            <numerusform>{name} écrite avec %n morceau.</numerusform>
            <numerusform>{name} écrite avec %n morceaux.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/messages.py"/>
        <source>%n not saved on this computer yet were left out.</source>
        <translation>
            <numerusform>%n morceau pas encore enregistré sur cet ordinateur a été laissé de côté.</numerusform>
            <numerusform>%n morceaux pas encore enregistrés sur cet ordinateur ont été laissés de côté.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PresetsButton</name>
    <message>
        <location filename="../ui/presets_button.py"/>
        <source>Presets</source>
        <translation>Préréglages</translation>
    </message>
    <message>
        <location filename="../ui/presets_button.py"/>
        <source>Fill the form from a saved preset, or save this one</source>
        <translation>Remplir le formulaire à partir d’un préréglage, ou enregistrer celui-ci</translation>
    </message>
    <message>
        <location filename="../ui/presets_button.py"/>
        <source>Save the form as a preset…</source>
        <translation>Enregistrer le formulaire comme préréglage…</translation>
    </message>
    <message>
        <location filename="../ui/presets_button.py"/>
        <source>Delete a preset</source>
        <translation>Supprimer un préréglage</translation>
    </message>
    <message>
        <location filename="../ui/presets_button.py"/>
        <source>Filled in the preset “{name}”.</source>
        <translation>Préréglage « {name} » appliqué.</translation>
    </message>
    <message>
        <location filename="../ui/presets_button.py"/>
        <source>Save preset</source>
        <translation>Enregistrer le préréglage</translation>
    </message>
    <message>
        <location filename="../ui/presets_button.py"/>
        <source>Name for this preset (mode, lyrics/prompt, style, title):</source>
        <translation>Nom de ce préréglage (mode, paroles/consigne, style, titre) :</translation>
    </message>
    <message>
        <location filename="../ui/presets_button.py"/>
        <source>Could not save the preset: {reason}</source>
        <translation>Impossible d’enregistrer le préréglage : {reason}</translation>
    </message>
    <message>
        <location filename="../ui/presets_button.py"/>
        <source>Saved the preset “{name}”.</source>
        <translation>Préréglage « {name} » enregistré.</translation>
    </message>
    <message>
        <location filename="../ui/presets_button.py"/>
        <source>Deleted the preset “{name}”.</source>
        <translation>Préréglage « {name} » supprimé.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>API key</source>
        <translation>Clé d’API</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Test key</source>
        <translation>Tester la clé</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>in your system keyring</source>
        <translation>dans le trousseau de votre système</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>in COVER_DESKTOP_API_KEY</source>
        <translation>dans COVER_DESKTOP_API_KEY</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>in a file only you can read</source>
        <translation>dans un fichier que vous seul pouvez lire</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>privately</source>
        <translation>en privé</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Keys look like aio_… Yours is kept {where}, and sent only to the service's API, never to the hosts that serve audio and covers.</source>
        <translation>Les clés ressemblent à aio_… La vôtre est gardée {where}, et n’est envoyée qu’à l’API du service, jamais aux serveurs qui fournissent l’audio et les pochettes.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>The key comes from COVER_DESKTOP_API_KEY and is used as it is.</source>
        <translation>La clé vient de COVER_DESKTOP_API_KEY et est utilisée telle quelle.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Use the built-in demo server (no key, no credits, no network)</source>
        <translation>Utiliser le serveur de démonstration intégré (sans clé, sans crédits, sans réseau)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>The demo server runs now because no key is set: enter your key to make real covers.</source>
        <translation>Le serveur de démonstration tourne parce qu’aucune clé n’est définie : saisissez votre clé pour faire de vraies reprises.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>The demo server was chosen on the command line for this session.</source>
        <translation>Le serveur de démonstration a été choisi sur la ligne de commande pour cette session.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>This session uses {url} (from the command line or {variable}); the address below is used otherwise.</source>
        <translation>Cette session utilise {url} (de la ligne de commande ou de {variable}) ; sinon, l’adresse ci-dessous est utilisée.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Send my key over plain http anyway</source>
        <translation>Envoyer quand même ma clé en http non chiffré</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>no budget</source>
        <translation>pas de budget</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source> credits</source>
        <translation> crédits</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Save clips to</source>
        <translation>Enregistrer les morceaux dans</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>written into the tags of saved clips</source>
        <translation>écrit dans les étiquettes des morceaux enregistrés</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Fields (click to add): {fields}</source>
        <translation>Champs (cliquez pour en ajouter un) : {fields}</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>As the system ({language})</source>
        <translation>Comme le système ({language})</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Check jobs every</source>
        <translation>Vérifier les tâches toutes les</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Monthly budget</source>
        <translation>Budget mensuel</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Artist</source>
        <translation>Artiste</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>File names</source>
        <translation>Noms de fichiers</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Save as</source>
        <translation>Enregistrer en</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Sample rate</source>
        <translation>Fréquence d’échantillonnage</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>This address is plain http://: your key would travel unencrypted, readable by anyone on the way. Use https:// unless it is your own machine or network.</source>
        <translation>Cette adresse est en http:// simple : votre clé circulerait sans chiffrement, lisible par quiconque sur le trajet. Utilisez https:// sauf s’il s’agit de votre propre machine ou réseau.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>For example: {name}</source>
        <translation>Par exemple : {name}</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>{variable} chooses the language while it is set.</source>
        <translation>{variable} choisit la langue tant qu’elle est définie.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>The app speaks {language} from its next start.</source>
        <translation>L’application parlera {language} à son prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>The demo server takes any key and costs nothing: there is nothing to test.</source>
        <translation>Le serveur de démonstration accepte toute clé et ne coûte rien : il n’y a rien à tester.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Checking… (this costs no credits)</source>
        <translation>Vérification… (cela ne coûte aucun crédit)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py"/>
        <source>Tick “Send my key over plain http anyway” or use an https:// address.</source>
        <translation>Cochez « Envoyer quand même ma clé en http non chiffré » ou utilisez une adresse https://.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../ui/status.py"/>
        <source>not checked yet</source>
        <translation>pas encore vérifié</translation>
    </message>
    <message>
        <location filename="../ui/status.py"/>
        <source>unreachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <location filename="../ui/status.py"/>
        <source>Polling paused: {reason}</source>
        <translation>Suivi en pause : {reason}</translation>
    </message>
</context>
<context>
    <name>SubmitPane</name>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>less than a minute</source>
        <translation>moins d’une minute</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>%n credit(s)</source>
        <translation>
            <numerusform>%n crédit</numerusform>
            <numerusform>%n crédits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>This month so far: {spent}. {cost} more will take you past your monthly budget of {budget} (Settings).</source>
        <translation>Ce mois-ci jusqu’ici : {spent}. {cost} de plus vous feront dépasser votre budget mensuel de {budget} (Réglages).</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>This month so far: {spent}. {cost} more could take you past your monthly budget of {budget} (Settings).</source>
        <translation>Ce mois-ci jusqu’ici : {spent}. {cost} de plus pourraient vous faire dépasser votre budget mensuel de {budget} (Réglages).</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>You sent exactly this request {ago} ago.</source>
        <translation>Vous avez envoyé exactement cette demande il y a {ago}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>%n of these were sent exactly like this in the last ten minutes (the latest {ago} ago): they would be made and charged again.</source>
        <translation>
            <numerusform>%n de ces tâches a été envoyée exactement ainsi dans les dix dernières minutes (la dernière il y a {ago}) : elle serait refaite et facturée à nouveau.</numerusform>
            <numerusform>%n de ces tâches ont été envoyées exactement ainsi dans les dix dernières minutes (la dernière il y a {ago}) : elles seraient refaites et facturées à nouveau.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>“{item}”</source>
        <translation>« {item} »</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>{shown} and %n more</source>
        <translation>
            <numerusform>{shown} et %n autre</numerusform>
            <numerusform>{shown} et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Stop batch</source>
        <translation>Arrêter le lot</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Stop the batch</source>
        <translation>Arrêter le lot</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Send no more jobs of this batch (the one being sent finishes)</source>
        <translation>Ne plus envoyer de tâches de ce lot (celle en cours d’envoi se termine)</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Still reading the job history: submit again in a moment.</source>
        <translation>L’historique des tâches est encore en lecture : envoyez de nouveau dans un instant.</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Over your monthly budget?</source>
        <translation>Au-delà de votre budget mensuel ?</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>This job costs {credits}.</source>
        <translation>Cette tâche coûte {credits}.</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Submit anyway</source>
        <translation>Envoyer quand même</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Resubmit job</source>
        <translation>Renvoyer la tâche</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Submit {audio_id} again with the same settings?</source>
        <translation>Envoyer de nouveau {audio_id} avec les mêmes réglages ?</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>This makes a new job; the demo server charges nothing.</source>
        <translation>Cela crée une nouvelle tâche ; le serveur de démo ne facture rien.</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>This makes a new job and costs {credits}.</source>
        <translation>Cela crée une nouvelle tâche et coûte {credits}.</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Resubmit</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Submit it again?</source>
        <translation>L’envoyer à nouveau ?</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Submit the same again?</source>
        <translation>Renvoyer la même chose ?</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>It makes a new job; the demo server charges nothing.</source>
        <translation>Cela crée une nouvelle tâche ; le serveur de démo ne facture rien.</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>It makes a new job and costs {credits} again.</source>
        <translation>Cela crée une nouvelle tâche et coûte à nouveau {credits}.</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Submit again</source>
        <translation>Envoyer à nouveau</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Submitted {audio_id} — task {task_id}.</source>
        <translation>{audio_id} envoyé — tâche {task_id}.</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>No audio id found in what was dropped.</source>
        <translation>Aucun identifiant audio trouvé dans ce qui a été déposé.</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Not understood: {lines}.</source>
        <translation>Non compris : {lines}.</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Fix the form first: every job in the batch uses these settings.</source>
        <translation>Corrigez d’abord le formulaire : chaque tâche du lot utilise ces réglages.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>%n line(s) not understood as an id, left out: {lines}.</source>
        <translation>
            <numerusform>%n ligne non reconnue comme identifiant, laissée de côté : {lines}.</numerusform>
            <numerusform>%n lignes non reconnues comme identifiants, laissées de côté : {lines}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Submit several jobs</source>
        <translation>Envoyer plusieurs tâches</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>Submit %n job(s), one per audio id, with the settings in the form?</source>
        <translation>
            <numerusform>Envoyer %n tâche, une par identifiant audio, avec les réglages du formulaire ?</numerusform>
            <numerusform>Envoyer %n tâches, une par identifiant audio, avec les réglages du formulaire ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>Submit %n job(s)</source>
        <translation>
            <numerusform>Envoyer %n tâche</numerusform>
            <numerusform>Envoyer %n tâches</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Enter at least one audio id.</source>
        <translation>Saisissez au moins un identifiant audio.</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>no style</source>
        <translation>sans style</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Submit a style matrix</source>
        <translation>Envoyer une matrice de styles</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>Submit %n job(s): {label}?</source>
        <translation>
            <numerusform>Envoyer %n tâche : {label} ?</numerusform>
            <numerusform>Envoyer %n tâches : {label} ?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>The demo server charges nothing.</source>
        <translation>Le serveur de démo ne facture rien.</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>This costs {credits}.</source>
        <translation>Cela coûte {credits}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/submit_pane.py"/>
        <source>Submitting %n job(s)…</source>
        <translation>
            <numerusform>Envoi de %n tâche…</numerusform>
            <numerusform>Envoi de %n tâches…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Sending {sent} of {total}…</source>
        <translation>Envoi {sent} sur {total}…</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Submitting {sent} of {total}…</source>
        <translation>Envoi {sent} sur {total}…</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Stopping after the job being sent…</source>
        <translation>Arrêt après la tâche en cours d’envoi…</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Import audio ids</source>
        <translation>Importer des identifiants audio</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation>Fichiers texte (*.txt *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>Could not keep the style for next time: {reason}</source>
        <translation>Impossible de garder le style pour la prochaine fois : {reason}</translation>
    </message>
    <message>
        <location filename="../ui/submit_pane.py"/>
        <source>You sent exactly this request {ago} ago. Submit it again?</source>
        <translation type="vanished">Vous avez envoyé exactement cette demande il y a {ago}. L’envoyer à nouveau ?</translation>
    </message>
</context>
</TS>
