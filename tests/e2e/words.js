// The app's words in a language, for driving its screens in it (issue 30):
// `wordsIn('ur')` gives t(message, args), the message of the catalogue
// (public/lang/<tag>.json) with its {slots} filled, as the app's tr! makes
// it; English is the message itself. A message the file lacks fails at once.
import { readFileSync } from 'node:fs';

function fill(template, args) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
}

/** English: each message as the code has it. */
export const english = (message, args = {}) => fill(message.replace(/^\[[^\]]*\] /, ''), args);

const FILES = new Map();

/** The messages of the language file of `tag` ('cy', 'ur'), read once. */
export function messagesIn(tag) {
  if (!FILES.has(tag)) {
    FILES.set(tag, JSON.parse(readFileSync(new URL(`../../public/lang/${tag}.json`, import.meta.url), 'utf8')).messages);
  }
  return FILES.get(tag);
}

/** The words of the language `tag` ('en-GB', 'cy' or 'ur'). */
export function wordsIn(tag) {
  if (tag === 'en-GB') return english;
  const messages = messagesIn(tag);
  return (message, args = {}) => {
    const found = messages[message];
    if (typeof found !== 'string') throw new Error(`no ${tag} words for "${message}"`);
    return fill(found, args);
  };
}
