/**
 * The form of an APP-6 / MIL-STD-2525 symbol identification code (SIDC): a 15-character letter code,
 * or a 20- or 30-digit numeric code. Apart from symbol-code.ts (which also asks milsymbol whether it
 * can draw one), so that the web client can check a code's form without carrying milsymbol.
 */
export const sidcPattern = /^[A-Z*-]{15}$|^\d{20}(\d{10})?$/

/** The unknown-affiliation ground frame: what a code milsymbol cannot read, or not of this form, is drawn as. */
export const unknownSidc = 'SUGP-----------'
