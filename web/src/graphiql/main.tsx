import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { useGraphiQL, type GraphiQLPlugin } from "@graphiql/react";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";
import examples from "virtual:twin-examples";

const url = new URL("/graphql", window.location.href).href;
// Subscriptions go over graphql-ws on the same address; the headers editor's values become its
// connection parameters, so an Authorization header there authenticates subscriptions too.
const fetcher = createGraphiQLFetcher({ url, subscriptionUrl: url.replace(/^http/, "ws") });

// The dashboard's token, if the person signed in there.
const token = localStorage.getItem("sensor-twin.token");
const headers = JSON.stringify({ Authorization: token === null ? "Bearer <a token, when the twin has JWT_SECRET or JWKS_URL set>" : `Bearer ${token}` }, null, 2);

function ExamplesList() {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  return (
    <div className="twin-examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>The operations of the README. Pick one to put it in the editor, then run it (Ctrl-Enter).</p>
      {queryEditor === undefined ? <p data-editor-loading>The editor is loading…</p> : null}
      <ul style={{ listStyle: "none", padding: 0 }}>
        {examples.map((example, i) => (
          <li key={i} style={{ margin: "0.3rem 0" }}>
            <button
              type="button"
              className="graphiql-un-styled"
              data-example={i}
              title={example.source}
              disabled={queryEditor === undefined}
              onClick={() => queryEditor?.setValue(example.query)}
              style={{ textAlign: "left", cursor: "pointer" }}
            >
              {example.title}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const examplesPlugin: GraphiQLPlugin = {
  title: "Examples",
  icon: () => (
    <span aria-hidden="true" style={{ fontWeight: 700 }}>
      Ex
    </span>
  ),
  content: ExamplesList,
};

const first = examples.find((e) => e.title.startsWith("query")) ?? examples[0];
// /graphql#query=<operation> opens with that operation: a link can carry a query.
const linked = new URLSearchParams(window.location.hash.slice(1)).get("query");
createRoot(document.getElementById("graphiql") as HTMLElement).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={[examplesPlugin]}
    visiblePlugin={examplesPlugin}
    defaultQuery={first?.query ?? "{ sensorStates { sensorId currentValue lastUpdate } }\n"}
    defaultHeaders={headers}
    {...(linked === null ? {} : { initialQuery: linked })}
    defaultEditorToolsVisibility="headers"
    isHeadersEditorEnabled
    shouldPersistHeaders={false}
  />,
);
