// A gallery whose downloads wait for a release: its signers who are clients download nothing from
// it until the release is completed (or voided, or declined: then the studio decides anew).
import { notAllowed } from '../../../errors.ts';
import { galleryGates } from '../data.ts';

export async function assertReleasesSigned(studioId: string, galleryId: string, clientId: string): Promise<void> {
  const gates = (await galleryGates(galleryId)).filter((g) => g.studioId === studioId && g.clientIds.includes(clientId));
  const first = gates[0];
  if (first) throw notAllowed('release_required', `Sign "${first.title}" first: this gallery's downloads open once it is signed.`);
}
