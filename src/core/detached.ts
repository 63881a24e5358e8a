// Strings kept from a large input (an op's name, an error's line) as strings of their own. V8 cuts a
// string of 13 or more characters out of another as a view that keeps the whole of the other alive: a name
// cut from a 64 KiB chunk of a file keeps the chunk, for as long as whatever holds the name.

/** `text` as a string of its own: structured cloning writes the characters out and reads them back. */
export function detached(text: string): string {
  return structuredClone(text);
}
