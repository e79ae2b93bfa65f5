/**
 * The knowledge that sits beside the term files, keyed by term id: suggested questions for "My
 * questions" and respellings for hard names. Kept in their own files so the term files stay one
 * writer's concern. The build fails on an unknown id or a malformed entry (file, field, reason);
 * a term that has no suggested question yet is listed in a report, not failed, so a term added
 * later never breaks the build before its questions are written.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { avoidedWords } from './checks';
import { describeIssues } from './schema';
import type { Category } from './types';

export interface ExtrasFiles {
  questions: { path: string; text: string };
  pronunciations: { path: string; text: string };
}

export interface Pronunciation {
  /** "bis-FOS-fuh-nayt" */
  say: string;
  /** Short name of the source, for the card: "Merriam-Webster". */
  source: string;
  /** The full citation (its address stays in the file: the background names no address). */
  citation: string;
}

export interface Extras {
  questions: Record<string, string[]>;
  pronunciations: Record<string, Pronunciation>;
}

export interface ExtrasError {
  file: string;
  field: string;
  reason: string;
}

export interface ExtrasResult {
  errors: ExtrasError[];
  extras?: Extras;
  /** Terms a reader would raise with a clinician that have no suggested question yet. */
  withoutQuestions: string[];
}

/** The categories whose terms a reader would bring to an appointment ("body" terms are background). */
export const ASK_ABOUT: readonly Category[] = ['condition', 'tests', 'treatment', 'look-alike', 'warning-sign'];

const question = z
  .string()
  .trim()
  .min(8, 'is too short to be a question')
  .max(200, 'is longer than 200 characters')
  .regex(/\?$/, 'must end with a question mark');

const questionsShape = z.record(
  z.string(),
  z.array(question).min(1, 'needs at least one question').max(2, 'has more than two questions'),
);

// Letters, hyphens and spaces; the stressed syllable in capitals.
const respelling = z
  .string()
  .regex(/^[A-Za-z]+(?:[- ][A-Za-z]+)*$/, 'must be syllables joined by hyphens (words by spaces)')
  .refine((s) => /[A-Z]{2}/.test(s), 'must show the stressed syllable in capitals');

const pronunciationsShape = z.strictObject({
  sources: z.record(
    z.string().regex(/^[A-Z]+$/, 'keys are capital letters'),
    z.strictObject({ label: z.string().min(1).max(40), citation: z.string().min(1), url: z.url().optional() }),
  ),
  terms: z.record(z.string(), z.strictObject({ say: respelling, source: z.string() })),
});

export function compileExtras(files: ExtrasFiles, terms: readonly { id: string; category: Category }[]): ExtrasResult {
  const errors: ExtrasError[] = [];
  const fail = (file: string, field: string, reason: string) => errors.push({ file, field, reason });
  const known = new Set(terms.map((t) => t.id));

  const read = <S extends z.ZodType>(file: { path: string; text: string }, shape: S): z.infer<S> | undefined => {
    let raw: unknown;
    try {
      raw = parseYaml(file.text);
    } catch (e) {
      fail(file.path, '(yaml)', (e as Error).message.split('\n')[0] ?? 'invalid YAML');
      return undefined;
    }
    const r = shape.safeParse(raw);
    if (r.success) return r.data;
    for (const line of describeIssues(r.error)) {
      const [field, ...reason] = line.split(': ');
      fail(file.path, field ?? '', reason.join(': '));
    }
    return undefined;
  };

  const questions = read(files.questions, questionsShape);
  for (const [id, list] of Object.entries(questions ?? {})) {
    if (!known.has(id)) fail(files.questions.path, id, `no term has the id "${id}"`);
    // The same words as the cards and guidance: one name per thing, one locale.
    list.forEach((q, i) => {
      for (const reason of avoidedWords(q)) fail(files.questions.path, `${id}[${i}]`, reason);
    });
  }

  const said = read(files.pronunciations, pronunciationsShape);
  const pronunciations: Record<string, Pronunciation> = {};
  for (const [id, p] of Object.entries(said?.terms ?? {})) {
    const source = said!.sources[p.source];
    if (!known.has(id)) fail(files.pronunciations.path, `terms.${id}`, `no term has the id "${id}"`);
    else if (!source) fail(files.pronunciations.path, `terms.${id}.source`, `"${p.source}" is not in sources`);
    else
      pronunciations[id] = {
        say: p.say,
        source: source.label,
        citation: source.citation,
      };
  }

  const withoutQuestions = terms
    .filter((t) => ASK_ABOUT.includes(t.category) && !questions?.[t.id])
    .map((t) => t.id)
    .sort();
  if (errors.length || !questions || !said) return { errors, withoutQuestions };
  return { errors, withoutQuestions, extras: { questions, pronunciations } };
}
