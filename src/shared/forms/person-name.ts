import type { FormField } from './form-schema.js';

/**
 * The form schema has no name type: a person's name is a text field whose id says so (lastName,
 * childFirstName, patronymic, surnameAfter, ownerFullName, latinLastName…), across every form.
 */
const NAME_ID = /(?:^|[a-z])(?:[nN]ame|[pP]atronymic|[sS]urname)/;

export function isPersonNameField(field: FormField): boolean {
  return field.type === 'text' && NAME_ID.test(field.id);
}

/** Words of a Kyrgyz or Russian name that stay in lower case: "Асан уулу", "Айгүл кызы", "Мамед оглы". */
const LOWER_CASE_PARTICLES = new Set(['уулу', 'кызы', 'оглы', 'кизи']);

/**
 * A name as documents print it, for display only: each word (and each part of a hyphenated word)
 * with a capital first letter, the rest as typed. The stored answer keeps what the visitor typed.
 */
export function nameForDisplay(text: string): string {
  return text.replace(/\p{L}+/gu, (word, offset: number) => {
    if (offset > 0 && LOWER_CASE_PARTICLES.has(word.toLocaleLowerCase())) return word;
    return word.charAt(0).toLocaleUpperCase() + word.slice(1);
  });
}
