/** Renders a legal text's plain markdown (headings with #, paragraphs, list items) without any HTML injection. */
export function LegalText({ body, headingId }: { body: string; headingId: string }) {
  const blocks = body.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
  return (
    <div className="legal-text" tabIndex={0} role="region" aria-labelledby={headingId}>
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
    </div>
  );
}
