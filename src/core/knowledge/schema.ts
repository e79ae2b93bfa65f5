/** The shape of every knowledge file's front matter, checked at build time. */
import { z } from 'zod';
import { CATEGORIES, READINGS, URGENCY } from './types';

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
  warnings: z.array(id).default([]),
  medicine: z.boolean().default(false),
  pregnancy: text.optional(),
  safety: text.optional(),
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
  z.strictObject({
    citation: text,
    read: z.enum(READINGS),
    url: z.url().optional(),
    note: text.optional(),
  }),
);

export const warningSigns = z.record(
  id,
  z.strictObject({
    trigger: text,
    level: z.enum(URGENCY),
    levelFrom: z.enum(['source', 'content']),
    text,
    sources: z.array(text).min(1, 'needs at least one source'),
    /** Word groups that name this sign; a sentence with all words of one group plus an urgency word is a rewording. */
    phrases: z.array(z.array(text).min(1)).min(1, 'needs at least one phrase group'),
  }),
);

export const meta = z.strictObject({
  publisher: text,
  writtenBy: text,
  reviewed: date,
  nextReview: date,
  reviewedBy: text,
  reviewers: z.array(z.strictObject({ name: text, role: text, date })),
  changes: z.array(z.strictObject({ date, text })).min(1),
});

/** zod issues as "field: reason" lines. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(file)'}: ${i.message}`);
}
