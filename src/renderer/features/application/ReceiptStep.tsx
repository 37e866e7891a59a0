import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDetail, SubmittedApplication } from '../../../shared/contract/ipc.js';
import type { PrintState } from '../../state/application-slice.js';
import { formatDateTime, formatPrice } from '../../ui/format.js';
import { useKioskStore } from '../../state/store.js';
import { wipeVisit } from '../visit/wipe.js';
import { QrCode } from './QrCode.js';
import '../../styles/receipt.css';

/**
 * The receipt, shown only after the host committed the application: number, QR, what to pay and
 * bring, what next, print. The sending state is the live one (it turns to sent when the portal
 * acknowledges), and the actions stay in view at the bottom however long the list.
 */
export function ReceiptStep({ receipt, service, print }: { receipt: SubmittedApplication; service?: ServiceDetail; print: PrintState }) {
  const { t } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const payment = useKioskStore((state) => state.info?.payment?.[language]);
  const printReceipt = useKioskStore((state) => state.printReceipt);
  const printedOnce = useRef(false);
  const date = formatDateTime(receipt.createdAt);
  // The status page opens from the code when the content names one; otherwise the code is the number.
  const qrText = receipt.statusLookupUrl ?? receipt.receiptNumber;
  const free = Math.round(receipt.amountToPaySom) === 0;
  const documents = service?.requiredDocuments.filter((document) => receipt.documentIds.includes(document.id)) ?? [];

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
      <div className="receipt-body">
        <div className="receipt-column">
          <div className="receipt-summary">
            <div className="receipt-number-block">
              <div className="receipt-identity">
                <p className="receipt-label">{t('receipt:number')}</p>
                <p className="receipt-number" data-testid="receipt-number" aria-label={receipt.receiptNumber.split('').join(' ')}>
                  {receipt.receiptNumber}
                </p>
                <p className="receipt-service">{service?.title}</p>
                <p>
                  {t('receipt:date')}: {date}
                </p>
                {receipt.assistedBy && (
                  <p className="receipt-assisted-by" data-testid="receipt-assisted-by">
                    {t('receipt:assistedBy', { name: receipt.assistedBy.displayName, staffId: receipt.assistedBy.staffId })}
                  </p>
                )}
              </div>
              <figure className="receipt-qr-figure">
                <QrCode
                  className="receipt-qr"
                  text={qrText}
                  label={receipt.statusLookupUrl ? t('receipt:qrStatusPage', { number: receipt.receiptNumber }) : t('receipt:qr', { number: receipt.receiptNumber })}
                />
                {receipt.statusLookupUrl && <figcaption>{t('receipt:qrCaption')}</figcaption>}
              </figure>
            </div>
            <p className="receipt-state" data-state={receipt.state} role="status">
              {t(`receipt:state.${receipt.state}`)}
            </p>
          </div>
          <section className="receipt-fee" aria-labelledby="receipt-fee-heading">
            <h2 id="receipt-fee-heading">{t('receipt:fee.heading')}</h2>
            <p className="receipt-amount" data-testid="receipt-amount">
              {free ? t('receipt:fee.free') : formatPrice(t, language, receipt.amountToPaySom)}
            </p>
            {!free && payment && (
              <>
                <h3>{t('receipt:payHeading')}</h3>
                <p data-testid="receipt-payment">{payment}</p>
              </>
            )}
          </section>
        </div>
        <div className="receipt-column">
          <section className="receipt-bring" aria-labelledby="receipt-bring-heading">
            <h2 id="receipt-bring-heading">{t('receipt:bring')}</h2>
            <ul className="document-checklist" data-testid="receipt-documents">
              {documents.map((item) => (
                <li key={item.id} data-document-id={item.id}>
                  <span className="check-mark" aria-hidden="true">
                    ✓
                  </span>
                  <span>
                    {item.title}
                    {item.note && <span className="document-note">{item.note}</span>}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section className="receipt-next" aria-labelledby="receipt-next-heading">
            <h2 id="receipt-next-heading">{t('receipt:nextHeading')}</h2>
            <p>{t('receipt:next')}</p>
          </section>
        </div>
      </div>
      <footer className="screen-actions receipt-actions">
        <p className="print-status" role="status" data-print-status={print.status === 'done' ? print.outcome : print.status}>
          {print.status === 'printing' && t('receipt:printing')}
          {print.status === 'done' && t(`receipt:print.${print.outcome}`)}
        </p>
        <div className="receipt-buttons">
          <button type="button" className="button secondary" disabled={print.status === 'printing'} onClick={() => void printReceipt(receipt.receiptNumber)}>
            {t('receipt:printAgain')}
          </button>
          <button type="button" className="button primary" onClick={wipeVisit}>
            {t('receipt:finish')}
          </button>
        </div>
      </footer>
    </main>
  );
}
