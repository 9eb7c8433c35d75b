/** Rasid's Firefox add-on id. Firefox keys the extension's storage and moz-extension:// UUID on it. */
export const GECKO_ID = 'rasid@rasid.invalid';
