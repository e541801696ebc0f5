"""The README.txt inside every archive, in French and English, with the shell commands
that check it without Comptoir (the same as in the project's README, which a test runs)."""

from __future__ import annotations

#: Check the whole archive: every file's hash, then the manifest's signature.
SHELL_ARCHIVE = """\
unzip -q -d a archive.zip && cd a
sha256sum -c --quiet MANIFEST.sha256
openssl dgst -sha256 -verify signing-key.pem -signature MANIFEST.sha256.sig MANIFEST.sha256
"""

#: Check one entry's own signature from its CSV row (line 2: the chain's first entry).
SHELL_ENTRY = """\
IFS=, read -r terminal chain seq kind ref at key_id prev sig body < <(sed -n 2p chains/ticket.csv)
body=${body#\\"}; body=${body%\\"}; body=${body//\\"\\"/\\"}
printf 'comptoir-chain/1\\n%s\\n%s\\n%s\\n%s\\n%s\\n%s\\n%s\\n%s\\n%s' "$terminal" "$chain" \\
  "$seq" "$kind" "$ref" "$at" "$key_id" "$prev" "$body" > entry.txt
printf %s "$sig" | base64 -d > entry.sig
openssl dgst -sha256 -verify "public-keys/$key_id.pem" -signature entry.sig entry.txt
"""

_TEMPLATE = """\
Comptoir — archive fiscale signée / signed fiscal archive ({format})
Terminal {terminal}, période / period {period} ({first} → {last}, Europe/Paris)
Faite le / made at {made_at} (UTC), Comptoir {version}

=== Français ===
Cette archive contient, pour la période, les écritures de chaque chaîne signée du
terminal : chains/<chaîne>.csv et chains/<chaîne>.jsonl (tickets, duplicatas, clôtures,
journal des événements techniques, formation). Une écriture appartient au jour local
(Europe/Paris) de son horodatage signé « at » : 23:59:59.999 est encore le jour même,
00:00:00.000 le lendemain, heure d'été comprise. Chaque chaîne est archivée sans trou,
de sa première à sa dernière écriture datée dans la période (une écriture datée hors de
la période, horloge reculée, y figure à sa place).
Chaque écriture est signée (ECDSA P-256, SHA-256, signature DER en base64) sur le texte
  comptoir-chain/1 LF terminal LF chaîne LF seq LF type LF réf LF at LF clé LF prev LF corps
où « prev » est la signature de l'écriture précédente (GENESIS pour la première,
sha256:<empreinte> quand la chaîne des tickets suit l'ancien journal non signé).
chains/anchors.csv donne, pour chaque chaîne, l'écriture qui précède la période : le
premier lien se vérifie donc dans l'archive. journal.csv : les lignes de l'ancien journal
(empreinte = sha256(prev_hash LF record)). public-keys/ : les clés publiques utilisées ;
terminal_keys.csv : toutes les clés du terminal, chacune présentée par la précédente.
MANIFEST.sha256 donne l'empreinte de chaque fichier ; MANIFEST.sha256.sig est sa
signature (DER) par la clé signing-key.pem du terminal.
Vérifier sans Comptoir (bash, unzip, sha256sum, openssl) :

{shell_archive}
Vérifier une écriture (ici la première de la chaîne des tickets) depuis sa ligne CSV :

{shell_entry}
Comparez l'identifiant de la clé (public-keys/, archive.json) à celui enregistré par le
serveur central à l'inscription du terminal. Avec Comptoir : comptoir verify-archive FICHIER.

=== English ===
This archive holds, for the period, the entries of each of the terminal's signed chains:
chains/<chain>.csv and chains/<chain>.jsonl (tickets, duplicates, closures, the technical
event journal, training). An entry belongs to the local day (Europe/Paris) of its signed
"at" instant: 23:59:59.999 is still that day, 00:00:00.000 the next, daylight saving
included. Each chain is archived without a gap, from its first to its last entry dated in
the period (an entry dated outside it, the clock set back, is kept in its place).
Each entry is signed (ECDSA P-256, SHA-256, base64 DER signature) over the text
  comptoir-chain/1 LF terminal LF chain LF seq LF kind LF ref LF at LF key_id LF prev LF body
where "prev" is the previous entry's signature (GENESIS for the first, sha256:<hash> when
the ticket chain continues the earlier unsigned journal). chains/anchors.csv holds, for
each chain, the entry just before the period, so the first link is checked inside the
archive. journal.csv: the earlier journal's rows (hash = sha256(prev_hash LF record)).
public-keys/: the public keys used; terminal_keys.csv: every key of the terminal, each
introduced by the one before. MANIFEST.sha256 lists each file's hash; MANIFEST.sha256.sig
is its signature (DER) by the terminal's key in signing-key.pem.
Check it without Comptoir (bash, unzip, sha256sum, openssl): the commands above; the
second block checks one entry (the ticket chain's first) from its CSV row. Compare the
key id (public-keys/, archive.json) with the one central registered at the terminal's
enrolment. With Comptoir: comptoir verify-archive FILE.
"""


def readme_text(
    *, terminal: str, period: str, first: str, last: str, made_at: str, version: str, fmt: str
) -> str:
    return _TEMPLATE.format(
        format=fmt,
        terminal=terminal,
        period=period,
        first=first,
        last=last,
        made_at=made_at,
        version=version,
        shell_archive=SHELL_ARCHIVE,
        shell_entry=SHELL_ENTRY,
    )
