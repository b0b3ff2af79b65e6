// The detail page's open dialog, if any: Send or Void, closing once the action succeeds.
import type { InvoiceDetail } from '../../../../shared/features/invoices/schemas.ts';
import { SendDialog, VoidInvoiceDialog } from './InvoiceDialogs.tsx';

export function InvoiceDialogs({
  open,
  invoice,
  onClose,
  send,
  voidIt,
}: {
  open: string | null;
  invoice: InvoiceDetail;
  onClose: () => void;
  send: () => Promise<void>;
  voidIt: (reason: string) => Promise<void>;
}) {
  if (open === 'send')
    return (
      <SendDialog
        number={invoice.number}
        client={invoice.client.name}
        onClose={onClose}
        onSend={async () => {
          await send();
          onClose();
        }}
      />
    );
  if (open === 'void')
    return (
      <VoidInvoiceDialog
        number={invoice.number}
        onClose={onClose}
        onVoid={async (reason) => {
          await voidIt(reason);
          onClose();
        }}
      />
    );
  return null;
}
