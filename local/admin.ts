// Operator commands, with the same domain functions as the API and the same environment as the
// Lambdas (TABLE_NAME, STUDIO_POOL_ID, STUDIO_POOL_CLIENT_ID, PORTAL_DOMAIN, MAIL_FROM, AWS
// credentials; copy them from a deployed function's configuration, or the local stack's).
//
//   npm run create-studio -- --studio "Fern & Fable" --slug fern --name "Ava Fern" --email ava@fern.example --password '…'
//     Creates a studio and its owner in any sign-up mode (the way to add studios when
//     portico:signUpMode is closed, the default); the owner's email counts as verified.
//   npm run signup-code -- [--days 14]
//     Prints a single-use sign-up code (portico:signUpMode=invite) to hand to one studio; the
//     sign-up page takes it from its link: https://<domain>/signup?code=<code>.
import { parseArgs } from 'node:util';
import { createStudioByOperator, issueSignUpCode } from '../shared/features/auth/domain/studio-auth.ts';
import { Password } from '../shared/features/auth/schemas.ts';
import { Slug } from '../shared/features/studios/index.ts';
import { Email, NameText } from '../shared/schemas.ts';

const [command, ...rest] = process.argv.slice(2);
if (command === 'create-studio') {
  const { values } = parseArgs({
    args: rest,
    options: {
      studio: { type: 'string' },
      slug: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const input = {
    studioName: NameText(1, 80).parse(values.studio),
    slug: Slug.parse(values.slug),
    name: NameText(1, 80).parse(values.name),
    email: Email.parse(values.email),
    password: Password.parse(values.password),
  };
  const created = await createStudioByOperator(input);
  console.log(
    created
      ? `Created ${input.studioName} at ${input.slug}; ${input.email} signs in with the password given.`
      : `${input.email} already has an account (mailed).`,
  );
} else if (command === 'signup-code') {
  const { values } = parseArgs({ args: rest, options: { days: { type: 'string', default: '14' } } });
  const { code, expiresAt } = await issueSignUpCode(Number(values.days));
  console.log(`Sign-up code (single use, until ${expiresAt}): ${code}`);
} else {
  console.error('Usage: node local/admin.ts create-studio --studio … --slug … --name … --email … --password … | signup-code [--days N]');
  process.exitCode = 2;
}
