// How easy the body is to read: Flesch reading ease (0-100, higher is easier)
// and the Flesch-Kincaid grade level, from counts of sentences, words and
// syllables (the `syllable` package counts English syllables with its list of
// exceptions). Links, hashtags, mentions and email addresses are not words a
// reader reads, so they are left out; a line break ends a sentence too, since
// social posts often have no full stops.
import { flesch } from "flesch";
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import type { ContentFinding } from "./content-finding";

/** Below this ease a text is "difficult" on Flesch's scale: a warning, once there is enough text for the score to mean something. */
export const HARD_TO_READ_BELOW = 50;
export const MIN_WORDS_TO_WARN = 20;

const NOT_WORDS = /(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|[#@][\p{L}\p{N}_]+/giu;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  /** Flesch reading ease, rounded; 100 and above is very easy, below 30 very difficult. */
  ease: number;
  /** Flesch-Kincaid grade (US school years), rounded, at least 1. */
  grade: number;
  /** Flesch's word for the ease ("plain English"). */
  label: string;
}

const labels: [number, string][] = [
  [90, "very easy"],
  [80, "easy"],
  [70, "fairly easy"],
  [60, "plain English"],
  [50, "fairly difficult"],
  [30, "difficult"],
];
const easeLabel = (ease: number) => labels.find(([floor]) => ease >= floor)?.[1] ?? "very difficult";

/** The body's readability, or null when it has no words. */
export function measureReadability(text: string): Readability | null {
  const prose = text.replace(NOT_WORDS, " ");
  const words = prose.match(WORD) ?? [];
  if (words.length === 0) return null;
  const sentences = prose
    .split(/[.!?…]+(?=\s|$)|\n+/)
    .filter((sentence) => HAS_WORD.test(sentence)).length;
  const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  const counts = { sentence: Math.max(1, sentences), word: words.length, syllable: syllables };
  const ease = Math.round(flesch(counts));
  return { sentences: counts.sentence, words: words.length, syllables, ease, grade: Math.max(1, Math.round(fleschKincaid(counts))), label: easeLabel(ease) };
}

export function checkReadability(body: string): ContentFinding[] {
  const measured = measureReadability(body);
  if (!measured) return [];
  const score = `Reading ease ${measured.ease} (${measured.label}), grade ${measured.grade}`;
  if (measured.ease < HARD_TO_READ_BELOW && measured.words >= MIN_WORDS_TO_WARN) {
    return [{ check: "readability", severity: "warning", field: "body", message: `${score}: hard to read. Use shorter sentences and simpler words.` }];
  }
  return [{ check: "readability", severity: "info", field: "body", message: `${score}.` }];
}
