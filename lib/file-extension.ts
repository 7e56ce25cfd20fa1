/**
 * A file name's extension, lower case, or '' when it has none: only 1 to 8 letters or digits count, so that what
 * follows a dot in a name (a patient's name, a date) is never taken for one and kept.
 */
export const extensionOf = (name: string): string => (/\.([a-z0-9]{1,8})$/i.exec(name)?.[1] ?? '').toLowerCase();
