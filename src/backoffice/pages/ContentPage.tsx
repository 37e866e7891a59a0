import { useState } from 'react';
import { RolloutPanel } from '../content/RolloutPanel.js';
import { UploadPanel } from '../content/UploadPanel.js';
import '../styles/content.css';
import type { SectionPageProps } from './section-page.js';

/** Content publishing: upload a signed package, then roll it out to offices or kiosks before all. */
export function ContentPage({ session, language }: SectionPageProps) {
  const [published, setPublished] = useState(0);
  return (
    <div className="content-page">
      <UploadPanel session={session} onPublished={() => setPublished((count) => count + 1)} />
      <RolloutPanel session={session} language={language} refreshKey={published} />
    </div>
  );
}
