/** Every rule, in the order they run (which is also the order in which overlapping fixes win). */
import { enumerationMarker } from './enumeration-marker';
import { enumerationSequence } from './enumeration-sequence';
import { headingHierarchy } from './heading-hierarchy';
import { headingMarker } from './heading-marker';
import { headingPunctuation } from './heading-punctuation';
import { headingSequence } from './heading-sequence';
import { parallelHeadings } from './parallel-headings';
import { placeholder } from './placeholder';
import { punctuationWidth } from './punctuation-width';
import { repeatedChar } from './repeated-char';
import { repeatedWord } from './repeated-word';
import type { Rule } from './types';

export const RULES: readonly Rule<never>[] = [
  headingSequence,
  headingMarker,
  headingHierarchy,
  headingPunctuation,
  enumerationSequence,
  enumerationMarker,
  punctuationWidth,
  placeholder,
  repeatedChar,
  repeatedWord,
  parallelHeadings,
] as unknown as Rule<never>[];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule<never> | undefined {
  return BY_ID.get(id);
}
