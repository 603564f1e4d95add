// Folding of Latin transliterations of Arabic and Kurdish names. Press and gazetteers write one
// name many ways (Tuz Khurmatu, Tuz Khormato, Tooz; Makhmour, Makhmur, Mexmur): we fold the
// vowel and digraph variants that transliteration systems disagree on, so they share one key.

const ARTICLE_WORD = /^(?:al|el|ad|adh|an|ar|as|ash|at|ath|az|ud|ul)$/

/**
 * Folds a Latin name to a matching key: lower case, no diacritics, no punctuation, no article,
 * and transliteration variants unified (kh/x, gh/g, q/k, ou/oo/o/u, ee/i, e/a, y/i, doubled
 * letters, final h). "Tuz Khormato", "Tuz Khurmatu" and "Tooz Khurmatoo" give the same key.
 */
export function foldLatin(name: string): string {
  const lowered = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['‘’ʿʾ`´]/g, '')
  const words = lowered.split(/[^a-z0-9]+/).filter((word) => word.length > 0)
  const kept = words.filter((word, index) => !(words.length > 1 && index < words.length - 1 && ARTICLE_WORD.test(word)))
  return kept.map(foldLatinWord).join('')
}

/** Folds one Latin word (no spaces) for matching; see foldLatin. */
export function foldLatinWord(word: string): string {
  return word
    .replace(/kh/g, 'x')
    .replace(/gh/g, 'g')
    .replace(/q/g, 'k')
    .replace(/ch/g, 'j')
    .replace(/c/g, 'k')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'u')
    .replace(/(?:ou|oo|o)/g, 'u')
    .replace(/(?:ee|ie|ei)/g, 'i')
    .replace(/e/g, 'a')
    .replace(/(?!^)y/g, 'i')
    .replace(/(.)\1+/g, '$1')
    .replace(/(?<=[aiu])h$/, '')
}
