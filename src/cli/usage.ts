/**
 * The CLI's help text, in a module that imports nothing: `dossier --help` and `--version` print
 * from here without loading the service (issue 17: under 150 ms, see bin/dossier.js).
 */
export const DELETE_USAGE = `  delete ID... [--yes]                 delete documents with their passages; says first which reports
                                       quote them (the quotes stay there, marked as from a deleted source)
                                       and asks, unless --yes`;

export const CODEBOOK_USAGE = `  tags                                 the codebook: tags as a tree with passage counts
  tag-rename NAME NEW-NAME             rename a tag
  tag-merge NAME INTO-NAME             merge a tag into another (passages keep both codings once)
  tag-delete NAME                      delete a tag and its subtags (passages stay)`;

export const ALIAS_USAGE = `  alias add NAME NAME...               declare names of one person or place (any scripts);
                                       a search for one then finds them all
  alias list                           the alias groups, with their ids
  alias remove ID                      remove an alias group`;

export const REPORT_USAGE = `  report create --title T [--from-tags A,B] [--subtitle S] [--author-line A] [--date YYYY-MM-DD] [--style footnote|author-date]
                                       a report, with one section per tag (codebook order)
  report list                          the reports of the investigation
  export REPORT_ID --format pdf|docx|html|md|csv|json|qdpx|redaction-log --out FILE
         [--redact emails,phones|none] [--redact-terms FILE] [--force]
         [--timeline [--tag T] [--entity E]]
                                       export a report; never replaces a file without --force;
                                       --timeline adds the timeline section (pdf, docx, html, md),
                                       limited to sources tagged T and events naming E
  verify-export FILE.json              check a report's JSON export against this investigation's documents
                                       (the originals imported): each quote at its position, redactions as gaps`;

export const CUSTODY_USAGE = `  custody [--doc ID]                   the chain of custody, newest first (of one document with --doc)
  custody verify                       check every entry's hash and link, and the log's end against the
                                       head file and the newest backup; names the first broken entry
  custody export --out FILE.csv [--force]
                                       the log as CSV, oldest first, with every hashed column`;

export const ENTITY_USAGE = `  entities [--type person|place|org|facility]
                                       people, places, organisations and facilities the documents
                                       name, with the number of documents and spellings
  entity NAME                          one entity (any spelling) with its mentions in context, by document
  timeline [--tag T] [--entity E] [--out FILE.csv]
                                       dated events: documents by publication date, passages by the
                                       dates they give, with the entities named; --out writes CSV`;

export const QDA_USAGE = `  memo ID | --tag NAME | --investigation [--set TEXT]
                                       show a document's, a tag's or the investigation's memo
                                       (Markdown), or replace it with TEXT ("" removes it)
  memos [--out FILE.md|FILE.csv]       every memo, or all of them exported as Markdown or CSV
  attribute create NAME --type text|number|date|choice [--choices A,B,C]
  attribute set ID NAME VALUE          give document ID the value VALUE of attribute NAME ("" clears)
  attribute delete NAME                remove an attribute and its values
  search QUERY --attr NAME=VALUE       search documents with an attribute value (repeatable;
                                       NAME>=N and NAME<=N for a range of numbers or dates)
  attributes [--out FILE.csv]          the attribute table: every document with its values
  cooccurrence [--unit overlap|paragraph|document] [--out FILE.csv]
                                       how often tags occur together (default: overlapping passages)
  matrix document | attribute NAME [--out FILE.csv]
                                       passages per tag and document, or per tag and attribute value`;

export const LOCK_USAGE = `  lock --passphrase-file F              lock the investigation (encrypted at rest); prints its recovery key once
  unlock --recovery-key-file F [--new-passphrase-file G]
                                       check the recovery key; with G, make G's passphrase the new one
  passphrase change [--passphrase-file F] [--new-passphrase-file G]
                                       choose a new passphrase (the data is not rewritten)
  On a locked investigation every command takes --passphrase-file F or --recovery-key-file F,
  or asks for the passphrase when run in a terminal.`;

export const TEAM_USAGE = `  merge ARCHIVE [--passphrase-file F]  bring a colleague's copy (.dossier) into this investigation: new
                                       documents, tags (by path), passages, memos, attributes and reports,
                                       with their authors; conflicts are listed; merging the same archive
                                       again changes nothing. A locked archive needs its passphrase (F, or
                                       --recovery-key-file, or asked at a terminal)
  agreement --tag NAME [--coders A,B] [--csv FILE]
                                       inter-coder agreement on a tag: percentage, Cohen's kappa and
                                       Krippendorff's alpha over the characters of documents both coded
  researcher [NAME]                    this investigation's researcher name (shown, or set; "" clears it)`;

export const USAGE = `Usage: dossier <command> [options]

Commands:
  import PATH... [--ocr-lang en,ru]    import files and folders (recursively); scans and images are
                                       recognised offline in the languages given (en ru zh kk ug ar),
                                       else in the one guessed from the first page; a REFI-QDA
                                       project (.qdpx) brings its documents, codebook and codings
  list                                 documents with their metadata
  show ID                              metadata, text and blocks of one document
  search QUERY [filters]               search the documents; QUERY may use "exact phrase",
                                       -exclude, prefix*, fuzzy~1, title:/source:/author:word,
                                       =word (exactly as written: no other forms, scripts or aliases)
      --tag NAME  --lang CODE  --format FMT  --source NAME  (repeatable)
      --from YYYY[-MM[-DD]]  --to YYYY[-MM[-DD]]  --limit N
  stats                                counts of documents, passages and tags
  tag --doc ID --quote TEXT --tag NAME [--note TEXT]
                                       tag the passage that quotes TEXT exactly
  passages [--tag NAME [--own]]        passages, of one tag (with its subtags; --own: the tag's own) or all
  verify                               check that passages match their text, the index the store, and
                                       the chain of custody
${DELETE_USAGE}
${CODEBOOK_USAGE}
${ALIAS_USAGE}
${ENTITY_USAGE}
${REPORT_USAGE}
${CUSTODY_USAGE}
${QDA_USAGE}
${LOCK_USAGE}
${TEAM_USAGE}
  backup                               back up the investigation now (kept in its backups/ folder)
  backups                              the backups, newest first
  restore [BACKUP]                     restore a backup (default: the newest good one); the current
                                       state is backed up first, a damaged database is kept aside

Investigations:
  investigations                       the investigations this user knows, most recent first
  investigation create NAME [--folder DIR]
                                       a new, empty investigation (in DIR, or under the user-data folder)
  export-investigation --out FILE [--force]
                                       the investigation (--workspace, or the last opened) as one .dossier archive
  import-investigation FILE            check an archive whole, then add it as a new investigation; prints its folder
  sample [--workspace DIR]             the sample investigation (UDHR in six languages), or fill DIR with it

Options:
  --workspace DIR   the investigation folder (default: the one the app opened last)
  --user-data DIR   the user-data folder holding settings and the list of investigations (default: the app's own)
  --json            print one JSON document
  --researcher NAME who codes in this command (passages and custody entries carry it); default:
                    the investigation's researcher name, else the one in Settings
  --help            this text
  --version         the version of Dossier`;
