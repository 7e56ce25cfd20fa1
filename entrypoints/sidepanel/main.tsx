import { render } from 'preact'; render(<p>Compagnon amelipro</p>, document.getElementById('app')!);
