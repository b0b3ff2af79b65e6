// The SES identity Portico sends invitations and magic links from. With a Route 53 zone, the
// sender's whole domain is verified (DKIM records are created in the zone); without one, only
// the sender address is, and SES emails it a confirmation link after deployment.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';

export interface MailStackProps extends StackProps {
  readonly senderEmail: string;
  readonly hostedZone?: route53.HostedZoneAttributes;
}

export class MailStack extends Stack {
  readonly identity: ses.EmailIdentity;

  constructor(scope: Construct, id: string, props: MailStackProps) {
    super(scope, id, props);
    const senderDomain = props.senderEmail.split('@')[1] ?? '';
    const zone = props.hostedZone && route53.PublicHostedZone.fromPublicHostedZoneAttributes(this, 'Zone', props.hostedZone);
    if (zone && senderDomain !== zone.zoneName && !senderDomain.endsWith(`.${zone.zoneName}`)) {
      throw new Error(`portico:senderEmail's domain ${senderDomain} is not in the hosted zone ${zone.zoneName}`);
    }
    const identity: ses.Identity = zone
      ? // The sender's domain may be the zone itself or a subdomain of it: DKIM records go in the zone either way.
        { value: senderDomain, hostedZone: zone }
      : ses.Identity.email(props.senderEmail);
    this.identity = new ses.EmailIdentity(this, 'Sender', { identity });

    new CfnOutput(this, 'SenderIdentity', { value: identity.value });
  }
}
