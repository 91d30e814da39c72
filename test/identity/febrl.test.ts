import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { febrlAccuracy, linkFiles, parseMaps, readPersons } from '../../src/cli/commands/identity-link.js';

// The public FEBRL files (../shared/data/febrl, read in place, never copied): linkage and deduplication floors.
const DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'febrl');
const MAPS = parseMaps([
  'given_name=given', 'surname=surname', 'date_of_birth=birthDate', 'street_number=street_number', 'address_1=address_1', 'address_2=address_2',
  'suburb=suburb', 'postcode=postcode', 'state=state', 'soc_sec_id=soc_sec_id',
]);

describe('record linkage on FEBRL', () => {
  it('links dataset4a × dataset4b with F1 ≥ 0.99 (simple blocking on the given name gets 0.787)', async () => {
    const a = await readPersons(join(DIR, 'dataset4a.csv'), MAPS, 'rec_id');
    const b = await readPersons(join(DIR, 'dataset4b.csv'), MAPS, 'rec_id');
    const acc = febrlAccuracy(linkFiles(a, b), a.ids, b.ids);
    expect(acc.truePairs).toBe(5000);
    expect(acc.f1).toBeGreaterThanOrEqual(0.99);
    expect(acc.precision).toBeGreaterThanOrEqual(0.99);
  }, 300_000);

  it('deduplicates dataset2 (clusters up to 6) with pairwise F1 ≥ 0.95', async () => {
    const a = await readPersons(join(DIR, 'dataset2.csv'), MAPS, 'rec_id');
    const acc = febrlAccuracy(linkFiles(a, null), a.ids, null);
    expect(acc.truePairs).toBe(1934);
    expect(acc.f1).toBeGreaterThanOrEqual(0.95);
  }, 300_000);
});
