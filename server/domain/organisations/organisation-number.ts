/**
 * Swedish organisation numbers (organisationsnummer): ten digits written `NNNNNN-NNNN`.
 * The third digit is at least 2, which tells them apart from personal identity numbers,
 * and the last digit is a Luhn check digit over the first nine. A twelve-digit form with
 * the century-like prefix `16` also occurs; it is accepted and normalised.
 */

const ACCEPTED_FORMS = /^(?:16)?(\d{6})-?(\d{4})$/;

/** The Luhn check digit over nine digits, weighted 2, 1, 2, 1, ... from the left. */
export function organisationNumberCheckDigit(firstNineDigits: string): number {
  if (!/^\d{9}$/.test(firstNineDigits)) {
    throw new RangeError(`expected nine digits, got "${firstNineDigits}"`);
  }
  let sum = 0;
  for (const [index, character] of [...firstNineDigits].entries()) {
    const product = Number(character) * (index % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The canonical `NNNNNN-NNNN` form of an organisation number given as `NNNNNNNNNN`,
 * `NNNNNN-NNNN` or `16NNNNNNNNNN` (surrounding spaces ignored), or null when it is not
 * a valid organisation number.
 */
export function normaliseOrganisationNumber(input: string): string | null {
  const match = ACCEPTED_FORMS.exec(input.trim());
  if (!match) return null;
  const digits = `${match[1]}${match[2]}`;
  if (Number(digits[2]) < 2) return null;
  if (organisationNumberCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return null;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

export function isValidOrganisationNumber(input: string): boolean {
  return normaliseOrganisationNumber(input) !== null;
}
