/**
 * saxes reading a body with handlers that keep nothing: the least an XML read with it costs,
 * the floor row of bench:xml-read and part of bench:contracts' floor for the XML protocols.
 */
import { SaxesParser } from 'saxes';

const keepNothing = (): undefined => undefined;

export function saxesFloor(text: string): void {
  const parser = new SaxesParser();
  parser.on('opentag', keepNothing);
  parser.on('text', keepNothing);
  parser.on('closetag', keepNothing);
  parser.write(text).close();
}
