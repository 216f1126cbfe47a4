export function App() {
  return (
    <div className="sf-app">
      <header className="sf-header">
        <span className="sf-logo">Serviceflow</span>
      </header>
      <main className="sf-main" data-testid="canvas">
        <p>Loading…</p>
      </main>
    </div>
  );
}
