/** Prints what the knowledge holds and how its short explanations read: `npm run knowledge`. */
import { LIMITS } from '../src/core/knowledge/compile';
import { readability } from '../src/core/knowledge/readability';
import { formatErrors, loadKnowledge } from './knowledge';

const result = loadKnowledge();
if (!result.full) {
  console.error(formatErrors(result));
  process.exit(1);
}
const { terms, articles, bibliography } = result.full;
const rows = terms.map((t) => ({ id: t.id, ...readability(t.short) })).sort((a, b) => b.grade - a.grade);
const grades = rows.map((r) => r.grade).sort((a, b) => a - b);
const median =
  grades.length % 2
    ? grades[(grades.length - 1) / 2]!
    : (grades[grades.length / 2 - 1]! + grades[grades.length / 2]!) / 2;
const counts = new Map<string, number>();
for (const t of terms) counts.set(t.category, (counts.get(t.category) ?? 0) + 1);
const byCategory = [...counts].map(([c, n]) => `${c} ${n}`);

console.log(
  `${terms.length} terms (${byCategory.join(', ')}); ${articles.length} guidance articles; ${bibliography.length} sources`,
);
console.log(`${terms.filter((t) => t.seekCare).length} terms carry "seek care now"`);
console.log(
  `short explanations: Flesch–Kincaid grade worst ${grades.at(-1)}, median ${median.toFixed(1)}, best ${grades[0]}; ` +
    `words at most ${Math.max(...rows.map((r) => r.words))}`,
);
console.log('hardest five:');
for (const r of rows.slice(0, 5)) console.log(`  ${r.grade.toFixed(1).padStart(4)}  ${r.words} words  ${r.id}`);
console.log(`guidance articles, Flesch–Kincaid grade (at most ${LIMITS.articleGrade}):`);
for (const a of [...articles].sort((x, y) => y.grade - x.grade))
  console.log(`  ${a.grade.toFixed(1).padStart(4)}  ${a.id}`);
const { warnings } = result.full;
const judged = warnings.filter((w) => w.judgement).length;
console.log(
  `${warnings.length} warning signs (${warnings.filter((w) => w.level === 'emergency').length} emergency); ` +
    `${judged} with a level that is the content's own judgement`,
);
const reads = new Map<string, number>();
for (const b of bibliography) reads.set(b.read, (reads.get(b.read) ?? 0) + 1);
console.log(`sources by how they were read: ${[...reads].map(([r, n]) => `${r} ${n}`).join(', ')}`);
