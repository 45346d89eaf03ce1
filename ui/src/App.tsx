import { StatusPanel } from './components/StatusPanel';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>MarketSwarm</h1>
      </header>
      <main className="app-main">
        <StatusPanel />
      </main>
    </div>
  );
}
