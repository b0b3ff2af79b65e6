// Object-created on jobs/zip/ (see shared/events.ts): build the ZIP each new manifest describes.
import { PREFIX } from '../../shared/data/objects.ts';
import { runZipJob } from '../../shared/domain/zip-jobs.ts';
import { objectKeysOf } from '../../shared/events-input.ts';

export const handler = async (event: unknown): Promise<void> => {
  for (const key of objectKeysOf(event)) {
    if (key.startsWith(PREFIX.zipJobs) && key.endsWith('.json')) await runZipJob(key);
  }
};
