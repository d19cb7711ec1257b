/** The staff demo page's entry: defines <demo-app> and everything it shows. */
import './app/demo-app.ts';
