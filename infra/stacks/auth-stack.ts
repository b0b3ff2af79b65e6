// Two Cognito user pools: studio users (the dashboard) and clients (the portals). Separate pools
// keep the two audiences' tokens apart: a client token can never pass the studio authorizer.
// Nobody signs up through Cognito itself: Portico's API creates users with admin calls.
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';

export interface PoolAndClient {
  readonly pool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
}

export class AuthStack extends Stack {
  readonly studio: PoolAndClient;
  readonly client: PoolAndClient;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.studio = this.poolWithClient('Studio');
    this.client = this.poolWithClient('Client');
  }

  private poolWithClient(name: string): PoolAndClient {
    const pool = new cognito.UserPool(this, `${name}Pool`, {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 10,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: false,
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Essentials is the default plan for new pools; threat protection would need Plus.
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      pool,
      'Passwords need 10+ characters with lower/upper case and digits; length beats forced symbols (NIST SP 800-63B).',
      'AwsSolutions-COG1',
    );
    acknowledge(pool, 'MFA is not offered yet; clients sign in with single-use magic links.', 'AwsSolutions-COG2');
    acknowledge(pool, 'Threat protection needs the paid Plus plan; Portico stays on Essentials.', 'AwsSolutions-COG8');

    const client = pool.addClient('AppClient', {
      generateSecret: false,
      // The API signs users in server-side (AdminInitiateAuth); no hosted UI, no OAuth flows.
      authFlows: { adminUserPassword: true },
      disableOAuth: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });

    new CfnOutput(this, `${name}PoolId`, { value: pool.userPoolId });
    new CfnOutput(this, `${name}PoolClientId`, { value: client.userPoolClientId });
    return { pool, client };
  }
}
