import FlowIcon from '@mui/icons-material/AccountTree';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { LocalesMenuButton, useCheckAuth, useLogin, useNavigate } from 'react-admin';
import { errorMessage } from '../dataProvider';
import { useT } from '../i18n/useT';

// The API creates these users outside production and does not say which environment it runs in;
// a local address is the closest sign of development we have.
const looksLikeDevelopment = ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);

const DevelopmentUsersHint = () => {
  const t = useT();
  return (
    <Alert severity="info" variant="outlined" sx={{ mt: 3, '& .MuiAlert-message': { typography: 'body2' } }}>
      {t('app.login.dev_users')} <strong>&lt;role&gt;@pivotal.test</strong> / <strong>pivotal-dev</strong>
      <Typography variant="caption" component="div" color="text.secondary">
        {t('app.login.dev_roles', { roles: 'sales, pm, finance, support, manager, admin' })}
      </Typography>
    </Alert>
  );
};

export const LoginPage = () => {
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  // Someone already signed in (another tab, a reload) goes straight in.
  useEffect(() => {
    checkAuth({}, false).then(
      () => navigate('/'),
      () => undefined,
    );
  }, [checkAuth, navigate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(undefined);
    try {
      await login({ email, password });
    } catch (err) {
      setError(errorMessage(err, t('app.login.failed')));
      setSubmitting(false);
    }
  };

  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'grey.100', p: 2 }}
    >
      <Card sx={{ width: '100%', maxWidth: 400 }} elevation={3}>
        <CardContent sx={{ p: 4 }}>
          {/* The language, before signing in too: the choice is kept for the app. */}
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: -2, mr: -2 }}>
            <LocalesMenuButton />
          </Box>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1 }}>
            <FlowIcon color="primary" fontSize="large" />
            <Typography variant="h5" component="h1">
              Pivotal Flow
            </Typography>
          </Stack>
          <Typography color="text.secondary" sx={{ mb: 3 }}>
            {t('app.login.intro')}
          </Typography>
          <Box component="form" onSubmit={submit} noValidate>
            <Stack spacing={2}>
              {error && <Alert severity="error">{error}</Alert>}
              <TextField
                label={t('app.login.email')}
                name="email"
                type="email"
                autoComplete="username"
                autoFocus
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
              <TextField
                label={t('app.login.password')}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <Button
                type="submit"
                variant="contained"
                size="large"
                disabled={submitting || !email || !password}
                startIcon={submitting ? <CircularProgress size={18} color="inherit" aria-label={t('app.login.signing_in')} /> : undefined}
              >
                {t('app.login.sign_in')}
              </Button>
            </Stack>
          </Box>
          {looksLikeDevelopment && <DevelopmentUsersHint />}
        </CardContent>
      </Card>
    </Box>
  );
};
