import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDetail, SubmittedApplication } from '../../../shared/contract/ipc.js';
import type { PrintState } from '../../state/application-slice.js';
import { formatDateTime } from '../../ui/format.js';
import { useKioskStore } from '../../state/store.js';
import { wipeVisit } from '../visit/wipe.js';

/** The receipt, shown only after the host committed the application: number, QR, what next, print. */
export function ReceiptStep({ receipt, service, print }: { receipt: SubmittedApplication; service?: ServiceDetail; print: PrintState }) {
  const { t } = useTranslation();
  const printReceipt = useKioskStore((state) => state.printReceipt);
  const [qr, setQr] = useState<string>();
  const printedOnce = useRef(false);
  const date = formatDateTime(receipt.createdAt);

  useEffect(() => {
    void QRCode.toString(receipt.receiptNumber, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then((svg) =>
      setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
    );
  }, [receipt.receiptNumber]);

  // The receipt prints by itself once, so a visitor in a hurry still walks away with it.
  useEffect(() => {
    if (!printedOnce.current) {
      printedOnce.current = true;
      void printReceipt(receipt.receiptNumber);
    }
  }, [receipt.receiptNumber, printReceipt]);

  return (
    <main className="screen receipt" data-screen="receipt">
      <h1>
        <span aria-hidden="true">✓ </span>
        {t('receipt:heading')}
      </h1>
      <div className="screen-body receipt-body">
        <div className="receipt-number-block">
          <div>
            <p className="receipt-label">{t('receipt:number')}</p>
            <p className="receipt-number" data-testid="receipt-number" aria-label={receipt.receiptNumber.split('').join(' ')}>
              {receipt.receiptNumber}
            </p>
            <p>{service?.title}</p>
            <p>
              {t('receipt:date')}: {date}
            </p>
            <p className="receipt-state" data-state={receipt.state}>
              {t(`receipt:state.${receipt.state}`)}
            </p>
          </div>
          {qr && <img className="receipt-qr" src={qr} alt={t('receipt:qr', { number: receipt.receiptNumber })} />}
        </div>
        <section>
          <h2>{t('receipt:bring')}</h2>
          <ul className="document-checklist">
            {service?.requiredDocuments.map((item) => (
              <li key={item.id}>
                <span className="check-mark" aria-hidden="true">
                  ✓
                </span>
                <span>{item.title}</span>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h2>{t('receipt:nextHeading')}</h2>
          <p>{t('receipt:next')}</p>
        </section>
        <p className="print-status" role="status" data-print-status={print.status === 'done' ? print.outcome : print.status}>
          {print.status === 'printing' && t('receipt:printing')}
          {print.status === 'done' && t(`receipt:print.${print.outcome}`)}
        </p>
      </div>
      <nav className="screen-actions">
        <button type="button" className="button secondary" disabled={print.status === 'printing'} onClick={() => void printReceipt(receipt.receiptNumber)}>
          {t('receipt:printAgain')}
        </button>
        <button type="button" className="button primary" onClick={wipeVisit}>
          {t('receipt:finish')}
        </button>
      </nav>
    </main>
  );
}
