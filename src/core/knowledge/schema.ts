/** The shape of every knowledge file's front matter, checked at build time. */
import { z } from 'zod';
import { CATEGORIES } from './types';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-26');
const text = z.string().trim().min(1, 'must not be empty');

export const termFront = z.strictObject({
  id,
  name: text,
  category: z.enum(CATEGORIES),
  aliases: z.array(text).default([]),
  abbreviations: z.array(text).default([]),
  ambiguous: z.array(text).default([]),
  context: z.array(z.string().regex(/^[\p{L}\p{N}-]+$/u, 'must be a single word')).default([]),
  short: text,
  sources: z.array(text).min(1, 'needs at least one source'),
  reviewed: date,
  guide: z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must be article-id#section-id'),
  related: z.array(id).default([]),
  seekCare: z.boolean().default(false),
});
export type TermFront = z.infer<typeof termFront>;

export const articleFront = z.strictObject({
  id,
  title: text,
  summary: text,
  order: z.number().int().positive(),
  reviewed: date,
});

export const bibliography = z.record(
  z.string().regex(/^[A-Za-z0-9]+$/, 'keys are letters and digits'),
  z.strictObject({ citation: text, url: z.url().optional(), note: text.optional() }),
);

export const meta = z.strictObject({
  publisher: text,
  reviewed: date,
  nextReview: date,
  reviewedBy: text,
  changes: z.array(z.strictObject({ date, text })).min(1),
});

/** zod issues as "field: reason" lines. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(file)'}: ${i.message}`);
}
