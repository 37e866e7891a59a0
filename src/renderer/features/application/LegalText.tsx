import type { Ref } from 'react';

/** A legal text's plain markdown (headings with #, paragraphs, "- " list items) as elements, without any HTML injection. */
export function LegalBlocks({ body }: { body: string }) {
  const blocks = body.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
  return (
    <>
      {blocks.map((block, index) => {
        const heading = /^(#{1,3})\s+(.*)$/s.exec(block);
        if (heading) return <h3 key={index}>{heading[2]}</h3>;
        const lines = block.split('\n');
        if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
          return (
            <ul key={index}>
              {lines.map((line, item) => (
                <li key={item}>{line.replace(/^\s*[-*]\s+/, '').replace(/[_*]/g, '')}</li>
              ))}
            </ul>
          );
        }
        return <p key={index}>{block.replace(/[_*]/g, '')}</p>;
      })}
    </>
  );
}

/** A full legal text in a region of its own that scrolls, named by its heading and reachable from the keyboard. */
export function LegalText({ body, headingId, ref }: { body: string; headingId: string; ref?: Ref<HTMLDivElement> }) {
  return (
    <div className="legal-text" tabIndex={0} role="region" aria-labelledby={headingId} ref={ref}>
      <LegalBlocks body={body} />
    </div>
  );
}
