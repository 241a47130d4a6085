import health from './health';
import queueDashboard from './queue-dashboard';

export default { health, 'queue-dashboard': queueDashboard };
