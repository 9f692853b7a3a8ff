// The facilitator's console, served at /.
import { mount } from 'svelte';
import '../lib/base.css';
import { crisis } from '../lib/crisis.svelte.js';
import App from './App.svelte';

void crisis.load();
mount(App, { target: document.getElementById('app')! });
