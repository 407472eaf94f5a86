/**
 * Doubled characters that are correct Chinese: reduplication, a word ending in the character and
 * the character as a particle, the particle and a word starting with it, idioms. Used by the rule
 * table (prose-rules.test.ts, without the segmenter) and by word-rules.test.ts (with it): both must
 * be silent on them.
 */
export const REPEATED_CHAR_VALID = [
  // AA, AABB: the doubled pair as either half.
  '我们要实实在在地做事，把问题讲清清楚楚，方方面面、时时处处、家家户户都要看看，谢谢大家。',
  '这的的确确是一项民生工程，要和和美美、明明白白。',
  // A word ending in the character, then the particle.
  '开展以解决问题为目的的调研。',
  '高岗说饶漱石现在不得了了，这件事办不了了。',
  '他回答是的的时候，大家都笑了。',
  '现在在座的同志，好在在场的都是老同志。',
  '成都都是新城区，首都都市圈，植被被破坏，绝对对党忠诚。',
  '态度温和和理性，终于于昨日完工，合并并重组。',
  // The particle, then a word starting with the character.
  '为了了解情况，要把把关作用发挥好，与与会代表座谈，在在线平台上办理。',
  '做好对对口支援工作，就就业问题讲几点意见，从从严治党的高度，建设和和谐社会。',
  '有的的确很好，他说的的确对，要及及时发现，尊重对对方的意见。',
  // Idioms and measure words after 一.
  '这件事不了了之，心中了了分明，一对对新人，一把把钥匙。',
  '对对对，就是这样。',
  // Not these characters, or not doubled: …… and ——.
  '我们常常讲，要人人参与、天天坚持，分清是是非非……谢谢！——完。',
];
