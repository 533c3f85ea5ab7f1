/**
 * Reads a REFI-QDA project file (project.qde, schema urn:QDA-XML:project:1.0) into plain records
 * (issue 21, item 5). Streaming (saxes): no DOM of a huge file, no DTD and no entity of the file's
 * own is ever expanded (saxes knows only XML's five), and the element depth, element count and
 * text sizes are bounded, so a hostile project fails with a sentence instead of exhausting memory.
 * Element names are matched without their prefix: NVivo and MAXQDA write a prefixed namespace
 * (`qda:Project`), QualCoder and ATLAS.ti the default one.
 */
import { SaxesParser } from 'saxes';
import { DossierError } from '../../../shared/errors.ts';

export interface RefiCode {
  guid: string;
  name: string;
  color: string | null;
  description: string;
  parentGuid: string | null;
  noteRefs: string[];
}

export interface RefiCoding {
  codeGuid: string;
  creatingUser: string | null;
}

export interface RefiSelection {
  guid: string;
  /** Most tools put the selected text (or its beginning) here; it is what a coding is verified against. */
  name: string;
  start: number;
  end: number;
  /** The positions as written, for sentences about bad ones. */
  written: string;
  /** A Coding placed on the source itself (a whole-document coding), gathered as one selection. */
  wholeSource?: boolean;
  creatingUser: string | null;
  description: string;
  codings: RefiCoding[];
  noteRefs: string[];
}

export interface RefiSource {
  guid: string;
  name: string;
  kind: string;
  plainTextPath: string | null;
  content: string | null;
  description: string;
  creatingUser: string | null;
  selections: RefiSelection[];
  noteRefs: string[];
  /** Its <VariableValue>s: the variable's GUID and the value as written. */
  values: { variableGuid: string; value: string }[];
}

/** A <Variable> (a document attribute, issue 21): typeOfVariable as written, its description (Dossier writes a choice's values there). */
export interface RefiVariable {
  guid: string;
  name: string;
  type: string;
  description: string;
}

export interface RefiNote {
  guid: string;
  name: string;
  text: string;
  /** NVivo keeps a note's text in a file of its own. */
  plainTextPath: string | null;
  creatingUser: string | null;
  creationDateTime: string | null;
  modifiedDateTime: string | null;
}

export interface RefiProject {
  name: string;
  origin: string;
  users: Map<string, string>;
  codes: RefiCode[];
  sources: RefiSource[];
  notes: RefiNote[];
  variables: RefiVariable[];
}

export const PROJECT_LIMITS = { maxDepth: 200, maxElements: 2_000_000, maxTextChars: 64 * 1024 * 1024 };

/** The value elements of a <VariableValue> (the schema's choice). */
const VALUE_KINDS = new Set(['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue']);

const SOURCE_KINDS = new Set(['TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource']);

const local = (name: string) => name.slice(name.indexOf(':') + 1);
/** GUIDs compare without braces and case: the schema allows "{…}", and ATLAS.ti writes capitals. */
export const guidKey = (guid: string) =>
  guid
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
const int = (value: string | undefined) => (value !== undefined && /^\s*\d{1,12}\s*$/.test(value) ? Number(value) : NaN);

export function parseRefiProject(xml: string, label: string, limits = PROJECT_LIMITS): RefiProject {
  const bad = (why: string) => new DossierError('PARSE_FAILED', `${label} is not a REFI-QDA project it can read: ${why}`);
  const project: RefiProject = { name: '', origin: '', users: new Map(), codes: [], sources: [], notes: [], variables: [] };
  const stack: string[] = [];
  const codeStack: RefiCode[] = [];
  let source: RefiSource | undefined;
  let selection: RefiSelection | undefined;
  let coding: RefiCoding | undefined;
  let note: RefiNote | undefined;
  let variable: RefiVariable | undefined;
  let valueRef: string | undefined;
  let text: string[] | null = null;
  let textChars = 0;
  let elements = 0;
  let sawProject = false;
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    const a = tag.attributes as Record<string, string>;
    if (++elements > limits.maxElements) throw bad(`it holds more than ${limits.maxElements} elements.`);
    if (stack.length >= limits.maxDepth) throw bad(`its elements nest more than ${limits.maxDepth} deep.`);
    const parent = stack.at(-1);
    stack.push(name);
    if (name === 'Project' && stack.length === 1) {
      sawProject = true;
      project.name = a.name ?? '';
      project.origin = a.origin ?? '';
    } else if (name === 'User' && parent === 'Users' && a.guid) {
      project.users.set(guidKey(a.guid), a.name ?? '');
    } else if (name === 'Code' && a.guid) {
      const code: RefiCode = {
        guid: guidKey(a.guid),
        name: a.name ?? '',
        color: a.color ?? null,
        description: '',
        parentGuid: codeStack.at(-1)?.guid ?? null,
        noteRefs: [],
      };
      project.codes.push(code);
      codeStack.push(code);
    } else if (SOURCE_KINDS.has(name) && parent === 'Sources' && a.guid) {
      source = {
        guid: guidKey(a.guid),
        name: a.name ?? '',
        kind: name,
        plainTextPath: a.plainTextPath ?? null,
        content: null,
        description: '',
        creatingUser: (a.creatingUser ? guidKey(a.creatingUser) : undefined) ?? null,
        selections: [],
        noteRefs: [],
        values: [],
      };
      project.sources.push(source);
    } else if (name === 'PlainTextSelection' && source && a.guid) {
      selection = {
        guid: guidKey(a.guid),
        name: a.name ?? '',
        start: int(a.startPosition),
        end: int(a.endPosition),
        written: `${(a.startPosition ?? '?').slice(0, 20)}–${(a.endPosition ?? '?').slice(0, 20)}`,
        creatingUser: (a.creatingUser ? guidKey(a.creatingUser) : undefined) ?? null,
        description: '',
        codings: [],
        noteRefs: [],
      };
      source.selections.push(selection);
    } else if (name === 'Coding' && selection) {
      coding = { codeGuid: '', creatingUser: (a.creatingUser ? guidKey(a.creatingUser) : undefined) ?? selection.creatingUser };
      selection.codings.push(coding);
    } else if (name === 'Coding' && source && parent === source.kind) {
      // The whole source coded (NVivo's "code the file"): one selection spanning the text.
      let whole = source.selections.find((x) => x.wholeSource);
      if (!whole) {
        whole = {
          guid: `${source.guid}:whole`,
          name: '',
          start: 0,
          end: 0,
          written: 'whole source',
          wholeSource: true,
          creatingUser: source.creatingUser,
          description: '',
          codings: [],
          noteRefs: [],
        };
        source.selections.push(whole);
      }
      coding = { codeGuid: '', creatingUser: (a.creatingUser ? guidKey(a.creatingUser) : undefined) ?? source.creatingUser };
      whole.codings.push(coding);
    } else if (name === 'CodeRef' && coding && a.targetGUID) {
      coding.codeGuid = guidKey(a.targetGUID);
    } else if (name === 'NoteRef' && a.targetGUID) {
      const owner = parent === 'Code' ? codeStack.at(-1) : (selection ?? source);
      owner?.noteRefs.push(guidKey(a.targetGUID));
    } else if (name === 'Note' && parent === 'Notes' && a.guid) {
      note = {
        guid: guidKey(a.guid),
        name: a.name ?? '',
        text: '',
        plainTextPath: a.plainTextPath ?? null,
        creatingUser: (a.creatingUser ? guidKey(a.creatingUser) : undefined) ?? null,
        creationDateTime: a.creationDateTime ?? null,
        modifiedDateTime: a.modifiedDateTime ?? null,
      };
      project.notes.push(note);
    } else if (name === 'Variable' && parent === 'Variables' && a.guid) {
      variable = { guid: guidKey(a.guid), name: a.name ?? '', type: a.typeOfVariable ?? 'Text', description: '' };
      project.variables.push(variable);
    } else if (name === 'VariableRef' && parent === 'VariableValue' && a.targetGUID) {
      valueRef = guidKey(a.targetGUID);
    }
    if (name === 'Description' || name === 'PlainTextContent' || (VALUE_KINDS.has(name) && parent === 'VariableValue')) text = [];
  });
  parser.on('text', (chunk) => {
    if (!text) return;
    textChars += chunk.length;
    if (textChars > limits.maxTextChars) throw bad(`its texts are longer than ${limits.maxTextChars} characters in all.`);
    text.push(chunk);
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    stack.pop();
    const parent = stack.at(-1);
    if ((name === 'Description' || name === 'PlainTextContent' || VALUE_KINDS.has(name)) && text) {
      const value = text.join('');
      text = null;
      if (name === 'PlainTextContent' && note && parent === 'Note') note.text = value;
      else if (VALUE_KINDS.has(name)) {
        if (source && valueRef) source.values.push({ variableGuid: valueRef, value });
      }
      else if (name === 'PlainTextContent' && source && parent === source.kind) source.content = value;
      else if (name === 'Description') {
        if (parent === 'Code') codeStack.at(-1)!.description = value;
        else if (parent === 'Variable' && variable) variable.description = value;
        else if (parent === 'PlainTextSelection' && selection) selection.description = value;
        else if (source && parent === source.kind) source.description = value;
      }
    } else if (name === 'Code') codeStack.pop();
    else if (name === 'Coding') coding = undefined;
    else if (name === 'PlainTextSelection') selection = undefined;
    else if (SOURCE_KINDS.has(name) && parent === 'Sources') source = undefined;
    else if (name === 'Note') note = undefined;
    else if (name === 'Variable') variable = undefined;
    else if (name === 'VariableValue') valueRef = undefined;
  });
  try {
    parser.write(xml.replace(/^\ufeff/, '')).close();
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw bad(`its XML is malformed (${String((error as Error).message).slice(0, 200)}).`);
  }
  if (!sawProject) throw bad('it has no <Project> element.');
  return project;
}
