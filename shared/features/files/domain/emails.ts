// The branded mail that tells a project's lead a client contact uploaded a file, and the note that
// tells the contacts a file was shared.
import { dashboardUrl } from '../../../config.ts';
import { subjectName } from '../../../safe-text.ts';
import { letterBrand, renderLetter } from '../../branding/index.ts';
import { notify } from '../../notifications/index.ts';
import { clientPerson, userPerson } from '../../people/index.ts';
import type { Project } from '../../projects/index.ts';
import type { Studio } from '../../studios/index.ts';
import { formatBytes } from '../constants.ts';

export function clientUploadEmail(
  studio: Studio,
  input: {
    leadName: string;
    clientName: string;
    projectTitle: string;
    projectId: string;
    folderName: string;
    fileName: string;
    size: number;
  },
) {
  const link = `${dashboardUrl()}/projects/${input.projectId}#files`;
  return {
    subject: `${subjectName(input.clientName)} uploaded a file to "${subjectName(input.projectTitle)}"`,
    ...renderLetter({
      // A note to the team, not to a client: no welcome message.
      brand: { ...letterBrand(studio), welcomeMessage: null },
      greeting: `Hi ${input.leadName},`,
      paragraphs: [
        `${input.clientName} uploaded ${input.fileName} (${formatBytes(input.size)}) to the folder ${input.folderName} of ${input.projectTitle}.`,
        'It is in the project’s Files tab now. Besides them, only your team sees it until you share it with the project’s contacts.',
      ],
      button: { label: 'Open the Files tab', url: link },
      footnote: 'You get this email because you lead this project.',
    }),
  };
}

/**
 * A note to the project's contacts that a file was shared with them (notes only: sharing sends no
 * email of its own, and the centre's digest covers those who asked for one).
 */
export async function noteFileShared(studioId: string, project: Project, actorUserId: string, text: string): Promise<void> {
  await notify({
    studioId,
    kind: 'fileShared',
    projectId: project.projectId,
    projectTitle: project.title,
    title: text,
    link: { studio: `/projects/${project.projectId}#files`, client: `/projects/${project.projectId}#files` },
    actor: userPerson(actorUserId),
    recipients: project.contactIds.map(clientPerson),
  });
}
