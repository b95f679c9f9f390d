/**
 * The simulated guest the tests use: the toolkit's own (tools/lib/simulated-guest.ts), shared with the
 * bench's load generator; and `byId` for the tests' fixture pages.
 */
export { chapAnswer, chapFromPage, Device, octalBytes, type ChapBytes, type Reply } from '../../tools/lib/simulated-guest.ts';

/** Text content of the element with this id in a simple page (tests' own fixture pages). */
export function byId(html: string, id: string): string | undefined {
  const m = new RegExp(`<([a-z]+)[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return m?.[2];
}
