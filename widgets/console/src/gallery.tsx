// Every widget in preview mode: sample data, no requests, for a look at all 19 at once.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { GALLERY } from "./gallery-entries.js";
import "../../src/styles.css";
import "./console.css";

function Gallery() {
  return (
    <>
      <header className="console-bar">
        <h1>orgs widgets gallery</h1>
        <nav aria-label="Pages">
          <a href="./index.html">Console</a>
        </nav>
      </header>
      <main className="gallery-grid">
        {GALLERY.map(([name, element]) => (
          <figure key={name} className="gallery-item" data-widget={name}>
            <figcaption className="orgs-mono">{`<${name} />`}</figcaption>
            {element}
          </figure>
        ))}
      </main>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Gallery />
  </StrictMode>,
);
