// Durable state: the single DynamoDB table, the private files bucket (uploads, galleries), the
// seal key that signs completed releases (infra/features/seal-key.ts) and the payments key the
// vault seals the studios' Stripe secrets under (shared/adapters/vault.ts). All are retained when
// the stack is deleted: they hold the studios' data, the key their signed PDFs were sealed with,
// and the key without which the sealed Stripe secrets in the table never open again.
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { TABLE } from '../../shared/data/table.ts';
import { SealKey } from '../features/seal-key.ts';
import { acknowledge } from '../nag.ts';

export interface DataStackProps extends StackProps {
  /** Dashboard host; portals are its subdomains. Browsers upload from these origins. */
  readonly domainName: string;
  /** Repository root: the seal key's generator is functions/releases/generateSealKey.ts under it. */
  readonly rootDir: string;
}

const str = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });

export class DataStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly bucket: s3.Bucket;
  readonly sealKey: SealKey;
  /** The vault's KMS key: what 'payments:secrets' may GenerateDataKey and Decrypt with. */
  readonly paymentsKey: kms.Key;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: str(TABLE.partitionKey),
      sortKey: str(TABLE.sortKey),
      billing: dynamodb.Billing.onDemand(),
      globalSecondaryIndexes: TABLE.gsis.map((gsi) => ({
        indexName: gsi.indexName,
        partitionKey: str(gsi.partitionKey),
        sortKey: str(gsi.sortKey),
      })),
      timeToLiveAttribute: TABLE.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(accessLogs, 'This bucket is the access-log destination; logging it into itself would loop.', 'AwsSolutions-S1');

    // Browsers talk to this bucket directly through presigned URLs, from the dashboard and from
    // every portal subdomain. Custom studio domains (a later issue) will add their origins here.
    const origins = [`https://${props.domainName}`, `https://*.${props.domainName}`];
    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'files/',
      cors: [
        {
          allowedOrigins: origins,
          allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.PUT, s3.HttpMethods.HEAD],
          allowedHeaders: ['*'],
          // Multipart uploads read each part's ETag to complete the upload.
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(2) },
        { id: 'expire-tmp', prefix: 'tmp/', expiration: Duration.days(1) },
        // tmp/ holds what is made for one download and fetched at once: gallery ZIPs (tmp/zips/) and
        // releases' bundles (tmp/bundles/, objects.releaseBundle); a day later they go.
        // Delivered notify jobs are deleted by their worker; one it never finished goes after a day.
        { id: 'expire-notify-jobs', prefix: 'jobs/notify/', expiration: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
      // Object events (infra/stacks/events-stack.ts) are EventBridge rules: the bucket needs no
      // knowledge of the functions, so no stack cycle and no notification config to merge.
      eventBridgeEnabled: true,
    });
    // Turning EventBridge on is a PutBucketNotificationConfiguration call that CloudFormation cannot
    // make itself: CDK's singleton custom-resource function does it.
    for (const handler of this.node.children.filter((c) => c.node.id.startsWith('BucketNotificationsHandler'))) {
      acknowledge(
        handler,
        "CDK's bucket-notifications handler (turns on EventBridge for the files bucket): its role is managed by aws-cdk-lib.",
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      );
    }

    this.sealKey = new SealKey(this, 'SealKey', { rootDir: props.rootDir, domainName: props.domainName });

    // The vault's key (shared/adapters/vault.ts): envelope encryption of the studios' Stripe secrets,
    // each data key bound to its studio by the encryption context. Its policy is the account's
    // default (IAM decides); only the roles of functions holding 'payments:secrets' are granted it.
    // Retained (and pending deletion for 30 days, if ever scheduled): the sealed secrets need it.
    this.paymentsKey = new kms.Key(this, 'PaymentsKey', {
      description: "Portico: the vault's key for the studios' sealed Stripe secrets (README, Deploy)",
      alias: `alias/${this.stackName}/payments`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    new CfnOutput(this, 'PaymentsKeyArn', { value: this.paymentsKey.keyArn });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName });
  }
}
