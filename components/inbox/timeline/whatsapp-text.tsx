import { Fragment } from "react";
import { parseWhatsAppText, type FormatNode } from "./whatsapp-format";

function Nodes({ nodes }: { nodes: FormatNode[] }) {
  return nodes.map((node, i) => {
    switch (node.type) {
      case "text":
        return <Fragment key={i}>{node.text}</Fragment>;
      case "link":
        return (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-sky-700 underline dark:text-sky-300">
            {node.text}
          </a>
        );
      case "mono":
        return (
          <code key={i} className="rounded bg-black/5 px-1 font-mono text-[0.9em] whitespace-pre-wrap dark:bg-white/10">
            {node.text}
          </code>
        );
      case "bold":
        return (
          <strong key={i} className="font-semibold">
            <Nodes nodes={node.children} />
          </strong>
        );
      case "italic":
        return (
          <em key={i}>
            <Nodes nodes={node.children} />
          </em>
        );
      case "strike":
        return (
          <s key={i}>
            <Nodes nodes={node.children} />
          </s>
        );
    }
  });
}

/** A message text with WhatsApp's formatting and links, line breaks kept. */
export function WhatsAppText({ text, className }: { text: string; className?: string }) {
  return (
    <p className={`break-words whitespace-pre-wrap ${className ?? ""}`}>
      <Nodes nodes={parseWhatsAppText(text)} />
    </p>
  );
}
